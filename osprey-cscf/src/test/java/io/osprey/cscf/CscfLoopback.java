package io.osprey.cscf;

import io.osprey.cscf.cx.CxClient;
import io.osprey.cscf.icscf.IcscfPolicy;
import io.osprey.cscf.icscf.IcscfSettings;
import io.osprey.cscf.icscf.ScscfCandidate;
import io.osprey.cscf.numbers.NumberNormalizer;
import io.osprey.cscf.numbers.NumberingPlan;
import io.osprey.cscf.regevent.RegEventNotifier;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.scscf.ScscfPolicy;
import io.osprey.cscf.scscf.ScscfRegistrar;
import io.osprey.cscf.scscf.ScscfSettings;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.LocalAddresses;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.stack.SipStackSettings;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A real {@link CscfNode} (S-CSCF or I-CSCF) on a loopback UDP port, its Cx node connected to a scripted HSS
 * on loopback, and a UE socket that sends requests and reads the responses. The HSS answers each Cx request
 * with the function of its command; by default it holds every answer in {@link #held} until the test releases it.
 */
final class CscfLoopback implements AutoCloseable {

    static final String DOMAIN = "ims.test";
    static final String HSS_HOST = "hss." + DOMAIN;

    /** A Cx request the HSS holds, with the future its answer completes. */
    record Held(DiameterMessage request, CompletableFuture<DiameterMessage> answer) {
    }

    final BlockingQueue<Held> held;
    final DiameterNode hss;
    final DiameterNode cxNode;
    final CxClient cx;
    final CscfNode node;
    final int port;
    private final DatagramSocket ue;
    private final SipMessageDecoder decoder = new SipMessageDecoder();

    private CscfLoopback(BlockingQueue<Held> held, DiameterNode hss, DiameterNode cxNode, CxClient cx, CscfNode node,
                         int port, DatagramSocket ue) {
        this.held = held;
        this.hss = hss;
        this.cxNode = cxNode;
        this.cx = cx;
        this.node = node;
        this.port = port;
        this.ue = ue;
    }

    /**
     * An S-CSCF with at most {@code maxPending} decisions waiting on Diameter and {@code maxOutstanding} Cx
     * requests; Cx requests time out after {@code cxTimeout}.
     */
    static CscfLoopback scscf(int maxPending, int maxOutstanding, Duration cxTimeout) throws Exception {
        return start(maxPending, maxOutstanding, cxTimeout, (cx, port) -> {
            ScscfSettings settings = new ScscfSettings("sip:scscf." + DOMAIN + ":" + port, "127.0.0.1", port, DOMAIN,
                    null, Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofHours(1), Duration.ofSeconds(30),
                    Duration.ofSeconds(7), null);
            RegistrationTable table = new RegistrationTable();
            RegEventNotifier notifier = new RegEventNotifier("127.0.0.1", port, table, Clock.systemUTC());
            ScscfRegistrar registrar = new ScscfRegistrar(settings, cx, table, notifier, Clock.systemUTC());
            return new ScscfPolicy(settings, registrar, notifier,
                    new NumberNormalizer(NumberingPlan.of("1", DOMAIN)), Clock.systemUTC());
        });
    }

    /** An I-CSCF that assigns the S-CSCF at port 9 (never reached in these tests). */
    static CscfLoopback icscf(Duration cxTimeout) throws Exception {
        return start(CscfNode.DEFAULT_MAX_PENDING_DECISIONS, CxClient.DEFAULT_MAX_OUTSTANDING, cxTimeout,
                (cx, port) -> new IcscfPolicy(new IcscfSettings("127.0.0.1", port, DOMAIN,
                        List.of(new ScscfCandidate("sip:127.0.0.1:9", Set.of())), DOMAIN), cx, number -> null));
    }

    private interface PolicyFactory {
        ProxyPolicy create(CxClient cx, int port);
    }

    private static CscfLoopback start(int maxPending, int maxOutstanding, Duration cxTimeout, PolicyFactory factory)
            throws Exception {
        BlockingQueue<Held> held = new LinkedBlockingQueue<>();
        DiameterNode hss = new DiameterNode(DiameterNodeConfig.builder(HSS_HOST, DOMAIN)
                .listen(new InetSocketAddress("127.0.0.1", 0)).application(CxDictionary.APPLICATION)
                .unknownPeers(UnknownPeerPolicy.acceptAny()).build());
        Function<DiameterMessage, CompletableFuture<DiameterMessage>> hold = request -> {
            CompletableFuture<DiameterMessage> answer = new CompletableFuture<>();
            held.add(new Held(request, answer));
            return answer;
        };
        long cxApplication = CxDictionary.APPLICATION.id();
        for (int command : new int[] {CxDictionary.USER_AUTHORIZATION.code(), CxDictionary.LOCATION_INFO.code(),
                CxDictionary.MULTIMEDIA_AUTH.code(), CxDictionary.SERVER_ASSIGNMENT.code()}) {
            hss.register(cxApplication, command, hold::apply);
        }
        hss.start();
        DiameterNode cxNode = new DiameterNode(DiameterNodeConfig.builder("cscf." + DOMAIN, DOMAIN)
                .application(CxDictionary.APPLICATION).requestTimeout(cxTimeout)
                .peer(new PeerConfig(HSS_HOST, DOMAIN, "127.0.0.1", hss.localPort())).build());
        cxNode.start();
        awaitOpen(cxNode);
        CxClient cx = new CxClient(cxNode, DOMAIN, maxOutstanding);
        int port = freePort();
        CscfNode node = CscfNode.start("cscf", SipStackSettings.defaults(TransportConfig.udpTcp("127.0.0.1", port)),
                Set.of(), new LocalAddresses("127.0.0.1", Set.of("127.0.0.1"),
                        Map.of(TransportProtocol.UDP, port, TransportProtocol.TCP, port)),
                new NextHops(), factory.create(cx, port), true, () -> { }, maxPending);
        DatagramSocket ue = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        ue.setSoTimeout(10_000);
        return new CscfLoopback(held, hss, cxNode, cx, node, port, ue);
    }

    /** A REGISTER for {@code user} without credentials: the S-CSCF asks the HSS with MAR, an I-CSCF with UAR. */
    void register(String user) throws IOException {
        register(user, "");
    }

    /** A REGISTER carrying {@code extraHeaders} (each line ending in CRLF), e.g. an Authorization. */
    void register(String user, String extraHeaders) throws IOException {
        send("REGISTER sip:" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ue.getLocalPort() + ";branch=z9hG4bK-" + user + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:" + user + "@" + DOMAIN + ">;tag=f-" + user + "\r\n"
                + "To: <sip:" + user + "@" + DOMAIN + ">\r\n"
                + "Call-ID: reg-" + user + "@127.0.0.1\r\n"
                + "CSeq: 1 REGISTER\r\n"
                + "Contact: <sip:" + user + "@127.0.0.1:" + ue.getLocalPort() + ">;expires=600\r\n"
                + extraHeaders
                + "Content-Length: 0\r\n\r\n");
    }

    /** An initial INVITE to {@code user} (an I-CSCF asks the HSS with LIR). */
    void invite(String user) throws IOException {
        send("INVITE sip:" + user + "@" + DOMAIN + " SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:" + ue.getLocalPort() + ";branch=z9hG4bK-inv-" + user + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:caller@" + DOMAIN + ">;tag=c1\r\n"
                + "To: <sip:" + user + "@" + DOMAIN + ">\r\n"
                + "Call-ID: inv-" + user + "@127.0.0.1\r\n"
                + "CSeq: 1 INVITE\r\n"
                + "Contact: <sip:caller@127.0.0.1:" + ue.getLocalPort() + ">\r\n"
                + "Content-Length: 0\r\n\r\n");
    }

    private void send(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        ue.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
    }

    /** The next final response the UE receives (provisional ones are skipped), waiting at most 10 s. */
    SipResponse finalResponse() throws IOException {
        while (true) {
            byte[] buffer = new byte[65_535];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            ue.receive(packet);
            byte[] bytes = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            if (decoder.decode(bytes) instanceof SipResponse response && response.statusCode() >= 200) {
                return response;
            }
        }
    }

    /** The next Cx request the HSS holds, waiting at most 10 s. */
    Held nextHeld() throws InterruptedException {
        Held next = held.poll(10, TimeUnit.SECONDS);
        if (next == null) {
            throw new AssertionError("the HSS received no further request");
        }
        return next;
    }

    private static void awaitOpen(DiameterNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!node.peer(HSS_HOST).map(p -> p.state().isOpen()).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the Cx connection to the HSS did not open");
            }
            Thread.sleep(20);
        }
    }

    /** A port free for both UDP and TCP on loopback. */
    private static int freePort() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(tcp.getLocalPort(), InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                // the UDP side is taken; try another
            }
        }
        throw new IOException("no free loopback port");
    }

    @Override
    public void close() {
        ue.close();
        node.close();
        cxNode.close();
        hss.close();
    }
}
