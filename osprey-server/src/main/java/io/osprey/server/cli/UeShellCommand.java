package io.osprey.server.cli;

import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.ReceivedMessage;
import io.osprey.ue.Registration;
import io.osprey.ue.UserEquipment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code osprey ue shell}: one UE driven by commands, one per line, from standard input or a script file, so a
 * newcomer can register, call, answer, hang up, send a MESSAGE and watch the reg event by hand. Incoming calls,
 * messages and reg-event NOTIFYs are printed as they arrive. Exit status 0 when every command succeeded, else 1.
 */
@Command(name = "shell", mixinStandardHelpOptions = true,
        description = "A UE taking commands, one per line, from standard input (or --script): "
                + "register [expires], deregister, call <target>, answer, hangup, message <target> <text>, "
                + "subscribe reg, wait <duration>, status, help, quit.")
final class UeShellCommand extends UeCommand.Base {

    private static final String HELP = """
            register [expires]         register again (default: --expires)
            deregister                 REGISTER with Expires 0
            call <target>              call; returns once it rings or has its answer
            answer                     answer the ringing incoming call
            hangup                     BYE, CANCEL while ringing, or 603 to an incoming call
            message <target> <text>    send a MESSAGE
            subscribe reg              subscribe to the own reg event; NOTIFYs are printed
            wait <duration>            do nothing for a while, e.g. wait 5s (for scripts)
            status                     the registration and the call
            quit                       deregister and leave""";

    private static final UeOptions.DurationConverter DURATIONS = new UeOptions.DurationConverter();

    @Option(names = "--script", paramLabel = "<file>", description = "Read the commands from this file.")
    Path script;

    @Option(names = "--auto-answer", converter = UeOptions.DurationConverter.class, paramLabel = "<delay>",
            description = "Answer incoming calls after this delay (default: let them ring until 'answer').")
    Duration autoAnswer;

    private volatile Call current;
    private volatile Registration registered;

    @Override
    int work(UserEquipment ue) throws Exception {
        if (script != null && !Files.isReadable(script)) {
            spec.commandLine().getErr().println("osprey ue shell: --script: cannot read " + script);
            return 2;
        }
        registered = ue.registration();
        ue.answerMode(autoAnswer == null ? AnswerMode.NO_ANSWER : AnswerMode.autoAnswer(autoAnswer));
        Thread watcher = Thread.ofPlatform().daemon().name("ue-shell-watch").start(() -> watch(ue));
        int failures = 0;
        try (BufferedReader in = script != null ? Files.newBufferedReader(script, StandardCharsets.UTF_8)
                : new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while (prompt() && (line = in.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                if (line.equals("quit") || line.equals("exit")) {
                    break;
                }
                try {
                    if (!execute(ue, line)) {
                        failures++;
                    }
                } catch (TimeoutException | IOException | CommandLine.TypeConversionException e) {
                    out.println(e.getMessage());
                    failures++;
                }
            }
        } finally {
            watcher.interrupt();
            Call call = current;
            if (call != null && !call.ended().isDone()) {
                call.hangup();
            }
        }
        return failures == 0 ? 0 : 1;
    }

    private boolean prompt() {
        out.print("ue> ");
        out.flush();
        return true;
    }

    /** Runs one command line; false when it failed (the reason is printed). */
    private boolean execute(UserEquipment ue, String line) throws Exception {
        String[] words = line.split("\\s+", 3);
        String command = words[0];
        return switch (command) {
            case "register" -> register(ue, words.length > 1 ? DURATIONS.convert(words[1]) : expires);
            case "deregister" -> deregisterHere(ue);
            case "call" -> words.length < 2 ? missing("call <target>") : call(ue, words[1]);
            case "answer" -> answer();
            case "hangup" -> hangup();
            case "message" -> words.length < 3 ? missing("message <target> <text>") : message(ue, words[1], words[2]);
            case "subscribe", "subscribe-reg" -> subscribe(ue, words);
            case "wait" -> words.length < 2 ? missing("wait <duration>") : pause(words[1]);
            case "status" -> status();
            case "help" -> {
                out.println(HELP);
                yield true;
            }
            default -> {
                out.printf("unknown command '%s' (help lists them)%n", command);
                yield false;
            }
        };
    }

    private boolean missing(String usage) {
        out.printf("usage: %s%n", usage);
        return false;
    }

    private boolean register(UserEquipment ue, Duration lifetime) throws Exception {
        Registration registration = await(ue.register(lifetime), "REGISTER");
        print(registration);
        if (registration.isSuccess()) {
            registered = registration;
        }
        return registration.isSuccess();
    }

    private boolean deregisterHere(UserEquipment ue) throws Exception {
        registered = null;
        return deregister(ue).isSuccess();
    }

    private boolean call(UserEquipment ue, String target) throws Exception {
        if (busy()) {
            return false;
        }
        Call call = ue.dial(target);
        current = call;
        call.outcome().thenAccept(done -> out.printf("INVITE %s: %d %s%s%n", target, done.statusCode(), done.reason(),
                done.warning() == null ? "" : " (warning: " + done.warning() + ")"));
        call.ended().thenRun(() -> ended(call));
        await(CompletableFuture.anyOf(call.ringing(), call.outcome()), "INVITE");
        if (!call.outcome().isDone()) {
            out.printf("ringing (post-dial delay %s)%n", UeCommand.millis(call.postDialDelay()));
        }
        return !call.outcome().isDone() || call.isEstablished();
    }

    private boolean answer() throws Exception {
        Call call = current;
        if (call == null || !call.isIncoming() || call.outcome().isDone()) {
            out.println("no incoming call is ringing");
            return false;
        }
        int status = await(call.answer(), "answer");
        out.printf("answered: %d%n", status);
        return status == 200;
    }

    private boolean hangup() throws Exception {
        Call call = current;
        if (call == null || call.ended().isDone()) {
            out.println("no call to hang up");
            return false;
        }
        int status = await(call.hangup(), "hangup");
        out.printf("hangup: %d%n", status);
        await(call.ended(), "the end of the call");
        return status >= 200 && status < 300 || status == 603;
    }

    private boolean message(UserEquipment ue, String target, String text) throws Exception {
        int status = await(ue.message(target, text), "MESSAGE");
        out.printf("MESSAGE %s: %d%n", target, status);
        return status >= 200 && status < 300;
    }

    private boolean subscribe(UserEquipment ue, String[] words) throws Exception {
        if (words[0].equals("subscribe") && (words.length < 2 || !words[1].equals("reg"))) {
            return missing("subscribe reg");
        }
        int status = await(ue.subscribeRegEvent(), "SUBSCRIBE");
        out.printf("SUBSCRIBE reg: %d%n", status);
        return status >= 200 && status < 300;
    }

    private boolean pause(String text) throws InterruptedException {
        Thread.sleep(DURATIONS.convert(text).toMillis());
        return true;
    }

    private boolean status() {
        Registration r = registered;
        out.println(r == null ? "not registered" : "registered, expires " + r.expires() + " s, P-Associated-URI "
                + String.join(", ", r.associatedUris()));
        Call call = current;
        if (call == null || call.ended().isDone()) {
            out.println("no call");
        } else {
            out.printf("%s call with %s: %s%n", call.isIncoming() ? "incoming" : "outgoing", call.remoteUri(),
                    call.isEstablished() ? "established" : "ringing");
        }
        return true;
    }

    private boolean busy() {
        Call call = current;
        if (call != null && !call.ended().isDone()) {
            out.println("a call is going on: hangup first");
            return true;
        }
        return false;
    }

    /** The end of a call: an answered one with its RTP report (an outgoing one never answered shows its status). */
    private void ended(Call call) {
        if (call.setupTime() != null) {
            out.println("call ended");
            UeCommand.printRtp(out, call.rtpStats());
        } else if (call.isIncoming()) {
            out.printf("%nincoming call from %s ended unanswered: %d %s%n", call.remoteUri(), call.statusCode(),
                    call.reason());
        }
        out.flush();
    }

    /** Prints what arrives by itself: incoming calls, MESSAGEs, reg-event NOTIFYs. */
    private void watch(UserEquipment ue) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Call incoming = ue.incomingCalls().poll(100, TimeUnit.MILLISECONDS);
                if (incoming != null) {
                    current = incoming;
                    incoming.ended().thenRun(() -> ended(incoming));
                    out.printf("%nincoming call from %s%s%n", incoming.remoteUri(),
                            autoAnswer == null ? " (answer or hangup)" : "");
                }
                ReceivedMessage message = ue.messages().poll();
                if (message != null) {
                    out.printf("%nMESSAGE from %s: %s%n", message.from(), message.text());
                }
                String notify = ue.regNotifications().poll();
                if (notify != null) {
                    out.printf("%nNOTIFY reg:%n%s%n", notify);
                }
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
