package io.osprey.ue;

import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.stack.SipStack;
import io.osprey.sip.stack.SipStackSettings;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A simulated IMS UE (TS 24.229 §5.1) on its own SIP stack: registers with IMS AKA or Digest, places and answers
 * calls with G.711 RTP, sends and receives MESSAGE, and subscribes to its registration state.
 *
 * <pre>{@code
 * try (UserEquipment alice = UserEquipment.start(UeConfig.builder(impi, impu, realm, creds)
 *         .pcscf(new InetSocketAddress("127.0.0.1", 5060)).build())) {
 *     Registration r = alice.register(Duration.ofSeconds(600)).get(10, SECONDS);   // r.statusCode() == 200
 *     Call call = alice.call("sip:bob@" + realm).get(10, SECONDS);                  // call.isEstablished()
 *     call.hangup().get(10, SECONDS);
 * }
 * }</pre>
 *
 * Every request outside a dialog goes to the configured P-CSCF; once registered, with the Service-Route as its
 * preloaded Route. Within dialogs requests follow the route set, or go straight to the remote target when there
 * is none (so two UEs can also call each other directly). All methods are thread-safe and never block: the work
 * runs on the stack's single lane, and futures complete off it. No future hangs: SIP timeouts complete them with
 * 408, transport failures with 503 (see {@link Registration}, {@link Call}).
 */
public final class UserEquipment implements AutoCloseable {

    private static final int START_ATTEMPTS = 5;

    private final UeConfig config;
    private final SipStack stack;
    private final UeCore core;
    private final RegistrationAgent registration;
    private final Path tlsDirectory;

    private UserEquipment(UeConfig config, SipStack stack, UeCore core, Path tlsDirectory) {
        this.config = config;
        this.stack = stack;
        this.core = core;
        this.registration = new RegistrationAgent(core);
        this.tlsDirectory = tlsDirectory;
    }

    /**
     * Starts the UE's SIP stack: UDP and TCP listeners on {@code localAddress:localPort} (a free port when 0) and,
     * for TLS, a TLS listener on a second free port with a development certificate in a temporary directory.
     *
     * @throws IOException when the ports cannot be bound
     */
    public static UserEquipment start(UeConfig config) throws IOException, InterruptedException {
        Path tlsDirectory = config.transport() == TransportProtocol.TLS
                ? Files.createTempDirectory("osprey-ue-tls") : null;
        Exception last = null;
        int attempts = config.localPort() > 0 ? 1 : START_ATTEMPTS;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int port = config.localPort() > 0 ? config.localPort() : FreePorts.udpAndTcp(config.localAddress());
            int tlsPort = tlsDirectory != null ? FreePorts.udpAndTcp(config.localAddress()) : 0;
            TransportConfig transport = new TransportConfig(config.localAddress().getHostAddress(), port, port,
                    tlsPort, tlsDirectory != null ? tlsDirectory.resolve("ue.p12") : null, null,
                    TransportConfig.DEFAULT_UDP_MTU_LIMIT, 0);
            // One lane: every piece of UE state lives on that thread. One I/O thread is plenty for one UE.
            SipStack stack = new SipStack(new SipStackSettings(transport, SipLimits.DEFAULTS, config.timers(), 1,
                    4096, 0.95, Duration.ofSeconds(5), 1));
            LocalEndpoint local = new LocalEndpoint(config.transport(), config.localAddress(),
                    tlsPort > 0 ? tlsPort : port, contactUser(config));
            UeCore core = new UeCore(config, local, stack);
            try {
                stack.start(core);
                return new UserEquipment(config, stack, core, tlsDirectory);
            } catch (InterruptedException e) {
                stack.close();
                throw e;
            } catch (Exception bindFailed) {
                stack.close();
                last = bindFailed;
            }
        }
        throw new IOException("cannot bind the UE's SIP ports on " + config.localAddress().getHostAddress()
                + (config.localPort() > 0 ? ":" + config.localPort() : "") + ": " + last.getMessage(), last);
    }

    /** The user part of the Contact: the IMPU's user, else the IMPI's (TS 24.229 leaves it to the UE). */
    private static String contactUser(UeConfig config) {
        try {
            if (Uri.parse(config.impu()) instanceof SipUri sip && sip.rawUser() != null) {
                return sip.rawUser();
            }
        } catch (RuntimeException e) {
            // fall through to the IMPI
        }
        int at = config.impi().indexOf('@');
        return at > 0 ? config.impi().substring(0, at) : "ue";
    }

    /** Registers for {@code expires} (REGISTER with the challenges it takes; see {@link Registration}). */
    public CompletableFuture<Registration> register(Duration expires) {
        long seconds = expires.toSeconds();
        if (seconds < 1 || seconds > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("expires must be 1 s to 2^31-1 s, was " + expires);
        }
        CompletableFuture<Registration> result = new CompletableFuture<>();
        core.onLane(() -> registration.register((int) seconds, result), result);
        return result;
    }

    /** Removes this UE's contact: REGISTER with {@code expires=0} (TS 24.229 §5.1.1.6). */
    public CompletableFuture<Registration> deregister() {
        CompletableFuture<Registration> result = new CompletableFuture<>();
        core.onLane(() -> registration.register(0, result), result);
        return result;
    }

    /** The outcome of the last REGISTER exchange, or null before the first. */
    public Registration registration() {
        return registration.last();
    }

    /**
     * Calls {@code target} and completes with the call once the INVITE has a final response (established on 2xx;
     * see {@link Call#statusCode()} otherwise). Use {@link #dial} to act before that, e.g. to CANCEL.
     *
     * @param target a SIP or tel URI, {@code user@host}, a {@code +E.164} number (as a tel URI) or a user name
     *               in the home realm
     */
    public CompletableFuture<Call> call(String target) {
        try {
            return dial(target).outcome();
        } catch (IOException | IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Places a call and returns it at once, while the INVITE is on its way.
     *
     * @throws IOException              when no RTP port is free
     * @throws IllegalArgumentException when {@code target} is not a URI
     */
    public Call dial(String target) throws IOException {
        Uri uri = targetUri(target);
        CallMedia media = CallMedia.open(config.localAddress(), config.toneHz());
        OutgoingCall leg;
        try {
            leg = OutgoingCall.prepare(core, uri, media);
        } catch (RuntimeException e) {
            media.close();
            throw e;
        }
        core.onLane(leg::start, leg.call().outcome());
        return leg.call();
    }

    Uri targetUri(String target) {
        String text = target.strip();
        if (text.startsWith("+")) {
            return UriParser.parse("tel:" + text);
        }
        if (text.indexOf(':') < 0) {
            text = "sip:" + (text.indexOf('@') < 0 ? text + "@" + config.realm() : text);
        }
        return UriParser.parse(text);
    }

    /** How incoming INVITEs are answered from now on (default {@link AnswerMode#AUTO_ANSWER}). */
    public void answerMode(AnswerMode mode) {
        core.answerMode = Objects.requireNonNull(mode, "mode");
    }

    /** Every incoming call, queued when its INVITE arrives (before it is answered). */
    public BlockingQueue<Call> incomingCalls() {
        return core.incomingCalls;
    }

    /**
     * Sends {@code text} as {@code text/plain} in a MESSAGE (RFC 3428) and completes with the final status
     * (408 on timeout, 503 on a transport failure).
     */
    public CompletableFuture<Integer> message(String target, String text) {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        Uri uri;
        try {
            uri = targetUri(target);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        core.onLane(() -> {
            var request = core.outOfDialog("MESSAGE", uri, "<" + config.impu() + ">;tag=" + LocalEndpoint.newTag(),
                            "<" + uri + ">", core.local.newCallId(), 1, true)
                    .body("text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8))
                    .build();
            RequestSender.send(core.layer(), request, core.outboundHop(),
                    response -> UserFutures.complete(result, response.statusCode()));
        }, result);
        return result;
    }

    /** MESSAGE requests received (each answered 200). */
    public BlockingQueue<ReceivedMessage> messages() {
        return core.messages;
    }

    /** SUBSCRIBE to the reg event of the own IMPU (RFC 3680) via the Service-Route; completes with its status. */
    public CompletableFuture<Integer> subscribeRegEvent() {
        CompletableFuture<Integer> result = new CompletableFuture<>();
        core.onLane(() -> RegEventSubscription.subscribe(core, result), result);
        return result;
    }

    /** The {@code application/reginfo+xml} bodies of the reg event NOTIFYs received (each answered 200). */
    public BlockingQueue<String> regNotifications() {
        return core.regNotifications;
    }

    /** The local address of the configured transport (the TLS listener for TLS). */
    public InetSocketAddress localSipAddress() {
        return core.local.socketAddress();
    }

    /** The Contact URI this UE registers and puts in dialogs, e.g. {@code sip:alice@127.0.0.1:40123}. */
    public String contactUri() {
        return core.local.contactUri();
    }

    public UeConfig config() {
        return config;
    }

    /** Stops the SIP stack; calls in progress lose their signalling, their RTP ports are released. */
    @Override
    public void close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        core.onLane(() -> {
            List.copyOf(core.outgoing.values()).forEach(CallLeg::end);
            List.copyOf(core.incoming.values()).forEach(CallLeg::end);
            done.complete(null);
        }, done);
        try {
            done.get(2, TimeUnit.SECONDS);
        } catch (Exception e) {
            // the lane is gone or wedged: close the stack regardless
        }
        core.markClosed();
        stack.close();
        if (tlsDirectory != null) {
            deleteQuietly(tlsDirectory);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    @Override
    public String toString() {
        return "UserEquipment[" + config.impu() + " at " + contactUri() + "]";
    }
}
