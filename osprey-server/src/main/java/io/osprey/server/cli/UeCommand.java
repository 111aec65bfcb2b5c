package io.osprey.server.cli;

import io.osprey.media.rtp.RtpStats;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.ReceivedMessage;
import io.osprey.ue.Registration;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UserEquipment;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code osprey ue register|call|message|subscribe-reg|shell}: the UE simulator (osprey-ue) from the command line.
 * Each subcommand starts a UE, registers it through the P-CSCF (unless {@code --no-register}), does its work (the
 * shell: the commands it is given, such as hangup), prints what happened and deregisters again. Exit status 0 when
 * the step succeeded, 1 when the network said no or did not answer, 2 for a usage error.
 */
@Command(name = "ue", mixinStandardHelpOptions = true,
        description = "UE simulator: IMS AKA or digest registration, calls with RTP, MESSAGE.",
        subcommands = {UeCommand.Register.class, UeCommand.CallTarget.class, UeCommand.Message.class,
                UeCommand.SubscribeReg.class, UeShellCommand.class})
final class UeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Start, register, work, deregister. */
    abstract static class Base implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        UeOptions options;

        @Option(names = "--expires", defaultValue = "600s", converter = UeOptions.DurationConverter.class,
                description = "Registration lifetime (default: ${DEFAULT-VALUE}).")
        Duration expires;

        @Option(names = "--no-register", description = "Skip registration (e.g. to talk to another UE directly).")
        boolean noRegister;

        PrintWriter out;

        /** The subcommand's work on a started (and registered) UE; returns the exit status. */
        abstract int work(UserEquipment ue) throws Exception;

        /** Whether to deregister when done (register --stay 0 leaves the binding in place). */
        boolean deregisterWhenDone() {
            return true;
        }

        @Override
        public Integer call() throws Exception {
            UeConfig config = options.toConfig(spec);
            out = spec.commandLine().getOut();
            try (UserEquipment ue = UserEquipment.start(config)) {
                out.printf("UE %s (%s) at %s, P-CSCF %s over %s%n", config.impu(), config.impi(), ue.contactUri(),
                        config.pcscf().getHostString() + ":" + config.pcscf().getPort(), config.transport());
                if (!noRegister) {
                    Registration registration = await(ue.register(expires), "REGISTER");
                    print(registration);
                    if (!registration.isSuccess()) {
                        return 1;
                    }
                }
                int status = work(ue);
                if (!noRegister && deregisterWhenDone()) {
                    deregister(ue);
                }
                return status;
            } catch (IOException e) {
                spec.commandLine().getErr().println("osprey ue " + spec.name() + ": " + e.getMessage());
                return 1;
            } catch (TimeoutException e) {
                spec.commandLine().getErr().println("osprey ue " + spec.name() + ": " + e.getMessage());
                return 1;
            }
        }

        <T> T await(CompletableFuture<T> future, String what)
                throws TimeoutException, ExecutionException, InterruptedException {
            try {
                return future.get(options.timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new TimeoutException(what + ": no result within " + options.timeout.toSeconds() + " s");
            }
        }

        /** REGISTER with Expires 0, its outcome printed. */
        Registration deregister(UserEquipment ue)
                throws TimeoutException, ExecutionException, InterruptedException {
            Registration gone = await(ue.deregister(), "REGISTER (expires 0)");
            out.printf("deregistered: %d %s%n", gone.statusCode(), gone.reason());
            return gone;
        }

        void print(Registration r) {
            out.printf("REGISTER: %d %s (%d challenge%s%s)%n", r.statusCode(), r.reason(), r.challenges(),
                    r.challenges() == 1 ? "" : "s", r.resynchronised() ? ", resynchronised" : "");
            if (r.isSuccess()) {
                out.printf("  expires %d s%n  Service-Route %s%n  P-Associated-URI %s%n", r.expires(),
                        String.join(", ", r.serviceRoute()), String.join(", ", r.associatedUris()));
            }
            if (r.warning() != null) {
                out.printf("  warning: %s%n", r.warning());
            }
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true,
            description = "Register; with --stay, answer calls and show messages meanwhile.")
    static final class Register extends Base {

        @Option(names = "--stay", defaultValue = "0s", converter = UeOptions.DurationConverter.class,
                description = "Stay registered this long, auto-answering calls, then deregister "
                        + "(default: exit at once).")
        Duration stay;

        @Override
        boolean deregisterWhenDone() {
            return !stay.isZero();
        }

        @Override
        int work(UserEquipment ue) throws InterruptedException {
            if (stay.isZero()) {
                return 0;
            }
            ue.answerMode(AnswerMode.autoAnswer(Duration.ofSeconds(1)));
            out.printf("staying registered for %d s, answering calls%n", stay.toSeconds());
            long deadline = System.nanoTime() + stay.toNanos();
            while (System.nanoTime() < deadline) {
                Call call = ue.incomingCalls().poll(100, TimeUnit.MILLISECONDS);
                if (call != null) {
                    out.printf("incoming call from %s%n", call.remoteUri());
                }
                ReceivedMessage message = ue.messages().poll();
                if (message != null) {
                    out.printf("MESSAGE from %s: %s%n", message.from(), message.text());
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "call", mixinStandardHelpOptions = true,
            description = "Call a target, keep the call up for --duration, report RTP, hang up.")
    static final class CallTarget extends Base {

        @Parameters(index = "0", paramLabel = "<target>",
                description = "sip: or tel: URI, +E.164 number, or a user in the home realm.")
        String target;

        @Option(names = "--duration", defaultValue = "10s", converter = UeOptions.DurationConverter.class,
                description = "How long the call stays up (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Override
        int work(UserEquipment ue) throws Exception {
            Call call = await(ue.call(target), "INVITE");
            out.printf("INVITE %s: %d %s%n", target, call.statusCode(), call.reason());
            if (call.warning() != null) {
                out.printf("  warning: %s%n", call.warning());
            }
            if (call.postDialDelay() != null) {
                out.printf("  post-dial delay %s%n", millis(call.postDialDelay()));
            }
            if (!call.isEstablished()) {
                return 1;
            }
            out.printf("  setup time      %s%n", millis(call.setupTime()));
            boolean remoteHangup;
            try {
                call.ended().get(duration.toMillis(), TimeUnit.MILLISECONDS);
                remoteHangup = true;
            } catch (TimeoutException stillUp) {
                remoteHangup = false;
            }
            RtpStats stats = call.rtpStats();
            if (remoteHangup) {
                out.println("  the other side hung up");
            } else {
                out.printf("  BYE: %d%n", await(call.hangup(), "BYE"));
            }
            printRtp(out, stats);
            return 0;
        }
    }

    static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.1f ms", duration.toNanos() / 1e6);
    }

    static void printRtp(PrintWriter out, RtpStats stats) {
        out.printf("  RTP sent %d, received %d, lost %d, jitter %.2f ms, tone %.0f Hz%n", stats.packetsSent(),
                stats.packetsReceived(), stats.packetsLost(), stats.jitterMillis(), stats.dominantFrequencyHz());
    }

    @Command(name = "message", mixinStandardHelpOptions = true,
            description = "Send a text MESSAGE (RFC 3428).")
    static final class Message extends Base {

        @Parameters(index = "0", paramLabel = "<target>", description = "Recipient URI or user.")
        String target;

        @Parameters(index = "1", paramLabel = "<text>", description = "The text.")
        String text;

        @Override
        int work(UserEquipment ue) throws Exception {
            int status = await(ue.message(target, text), "MESSAGE");
            out.printf("MESSAGE %s: %d%n", target, status);
            return status >= 200 && status < 300 ? 0 : 1;
        }
    }

    @Command(name = "subscribe-reg", mixinStandardHelpOptions = true,
            description = "Subscribe to the own registration state (RFC 3680), show a NOTIFY.")
    static final class SubscribeReg extends Base {

        @Override
        int work(UserEquipment ue) throws Exception {
            int status = await(ue.subscribeRegEvent(), "SUBSCRIBE");
            out.printf("SUBSCRIBE reg: %d%n", status);
            if (status < 200 || status >= 300) {
                return 1;
            }
            String body = ue.regNotifications().poll(options.timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (body == null) {
                out.printf("no NOTIFY within %d s%n", options.timeout.toSeconds());
                return 1;
            }
            out.println("NOTIFY:");
            out.println(body);
            return 0;
        }
    }
}
