package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.sip.codec.SipKeepAlive;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.UriParser;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The P-CSCF's transports end to end, driven by the UE simulator through the whole core: registration and calls
 * over TCP and over TLS (RFC 3261 §26.3.1, port from {@code pcscf.tls-port}), a UE behind a NAT whose contact names a private
 * address (RFC 3581, TS 24.229 Annex F) reached through the address it registered from, CRLF keep-alives on TCP and
 * TLS (RFC 5626 §4.4.1), and 420 for a UE that requires {@code sec-agree} of a P-CSCF without it (RFC 3261 §16.3).
 */
class PcscfTransportEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static RunningCore core;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir);
        for (String user : List.of("tina", "tom", "tcp-tina", "tcp-tom", "nat", "carl")) {
            core.provisioning().addSubscriber(NewSubscriber.of(impi(user), impu(user))
                    .withPassword(user + "-secret"));
        }
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    @ParameterizedTest
    @EnumSource(value = TransportProtocol.class, names = {"TCP", "TLS"})
    void uesRegisterAndCallEachOtherOverAConnection(TransportProtocol transport) throws Exception {
        boolean tls = transport == TransportProtocol.TLS;
        String caller = tls ? "tina" : "tcp-tina";
        String callee = tls ? "tom" : "tcp-tom";
        InetSocketAddress pcscf = tls ? core.pcscfTls() : core.pcscf();
        UserEquipment tina = ue(caller, pcscf, transport);
        UserEquipment tom = ue(callee, pcscf, transport);
        assertThat(get(tina.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(tom.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(core.scscfRegistrations().find(impu(callee)).orElseThrow().bindings().get(0).contactUri())
                .endsWith(";transport=" + transport.viaName().toLowerCase(java.util.Locale.ROOT));
        tom.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(50)));

        Call call = get(tina.call(impu(callee)));

        assertThat(call.statusCode()).as(call.reason()).isEqualTo(200);
        Call answered = tom.incomingCalls().poll(5, TimeUnit.SECONDS);
        assertThat(answered).as("the terminating INVITE reached the callee over his connection").isNotNull();
        assertThat(get(call.hangup())).isEqualTo(200);
        get(answered.ended());
    }

    @Test
    void aUeBehindANatIsCalledAtTheAddressItRegisteredFromNotAtItsPrivateContact() throws Exception {
        NatRelay nat = new NatRelay(core.pcscf());
        closing.add(nat);
        UserEquipment natted = ue("nat", nat.address(), TransportProtocol.UDP);
        UserEquipment carl = ue("carl", core.pcscf(), TransportProtocol.UDP);
        assertThat(get(natted.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(carl.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        int uePort = natted.localSipAddress().getPort();
        String privateContact = "sip:nat@" + NatRelay.PRIVATE_HOST + ":" + uePort;
        assertThat(core.scscfRegistrations().find(impu("nat")).orElseThrow().bindings().get(0).contactUri())
                .as("the registrar holds the private contact the UE wrote").isEqualTo(privateContact);
        // Before any request can go towards the private address: the P-CSCF must name the NAT's public side.
        Hop expected = new Hop(TransportProtocol.UDP, nat.address());
        for (String target : List.of(privateContact, privateContact + ";transport=udp")) {
            Hop hop = core.pcscfRole().policy().terminatingHop(UriParser.parse(target));
            if (!expected.equals(hop)) {
                fail("the P-CSCF would send a request for " + target + " to " + hop + ", not to " + expected);
            }
        }
        natted.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(50)));

        Call call = get(carl.call(impu("nat")));

        assertThat(call.statusCode()).as(call.reason()).isEqualTo(200);
        assertThat(natted.incomingCalls().poll(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(nat.requestsToUe("INVITE")).as("the INVITE came through the NAT binding").isEqualTo(1);
        assertThat(get(call.hangup())).isEqualTo(200);
        assertThat(nat.requestsToUe("BYE")).as("so did the BYE to the dialog's private contact").isEqualTo(1);
    }

    @Test
    void crlfKeepAlivesAreAnsweredOnTcp() throws Exception {
        try (Socket tcp = new Socket()) {
            tcp.connect(core.pcscf(), 5000);
            tcp.setSoTimeout(5000);

            assertThat(ping(tcp)).isEqualTo(SipKeepAlive.PONG_BYTES);
            assertThat(ping(tcp)).as("and again on the same connection").isEqualTo(SipKeepAlive.PONG_BYTES);
        }
    }

    @Test
    void aStunKeepAliveOnTheUdpPortIsAnsweredWithTheAddressItCameFrom() throws Exception {
        byte[] transaction = HexFormat.of().parseHex("0123456789abcdef01234567");
        ByteBuffer request = ByteBuffer.allocate(20).putShort((short) 0x0001).putShort((short) 0)
                .putInt(0x2112A442).put(transaction);
        try (DatagramSocket ue = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            ue.setSoTimeout(5000);
            ue.send(new DatagramPacket(request.array(), 20, core.pcscf()));
            DatagramPacket answer = new DatagramPacket(new byte[64], 64);
            ue.receive(answer);

            ByteBuffer response = ByteBuffer.wrap(answer.getData(), 0, answer.getLength());
            assertThat(response.getShort(0)).as("Binding success response").isEqualTo((short) 0x0101);
            assertThat(Arrays.copyOfRange(answer.getData(), 8, 20)).isEqualTo(transaction);
            assertThat(response.getShort(20)).as("XOR-MAPPED-ADDRESS").isEqualTo((short) 0x0020);
            int port = (response.getShort(26) & 0xFFFF) ^ 0x2112;
            int address = response.getInt(28) ^ 0x2112A442;
            assertThat(port).isEqualTo(ue.getLocalPort());
            assertThat(address).isEqualTo(0x7F000001);
        }
    }

    @Test
    void crlfKeepAlivesAreAnsweredOnTls() throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new TrustingDevCertificate()}, new SecureRandom());
        InetSocketAddress tlsAddress = core.pcscfTls();
        try (SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(tlsAddress.getAddress(),
                tlsAddress.getPort())) {
            tls.setSoTimeout(5000);
            tls.startHandshake();

            assertThat(ping(tls)).isEqualTo(SipKeepAlive.PONG_BYTES);
        }
    }

    @Test
    void aRegisterThatRequiresSecAgreeIsRefused420WhenItIsNotConfigured() throws Exception {
        try (RawSipClient client = new RawSipClient(core.pcscf())) {
            SipResponse response = client.exchange("""
                    REGISTER sip:ims.test SIP/2.0
                    Via: SIP/2.0/UDP 127.0.0.1:%d;rport;branch=z9hG4bKsecagree1
                    Max-Forwards: 70
                    From: <sip:carl@ims.test>;tag=c1
                    To: <sip:carl@ims.test>
                    Call-ID: secagree-off@127.0.0.1
                    CSeq: 1 REGISTER
                    Contact: <sip:carl@127.0.0.1:%d>
                    Require: sec-agree
                    Proxy-Require: sec-agree
                    Security-Client: ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1111;spi-s=2222;port-c=5100;port-s=5101
                    Content-Length: 0

                    """.formatted(client.port(), client.port()), WAIT);

            assertThat(response.statusCode()).isEqualTo(420);
            assertThat(response.headers("Unsupported")).containsExactly("sec-agree");
        }
    }

    /** Sends a double-CRLF ping and reads the answer: the two octets of a pong. */
    private static byte[] ping(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(SipKeepAlive.PING_BYTES);
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] pong = new byte[SipKeepAlive.PONG_BYTES.length];
        int read = 0;
        while (read < pong.length) {
            int n = in.read(pong, read, pong.length - read);
            if (n < 0) {
                fail("the P-CSCF closed the connection instead of answering the ping");
            }
            read += n;
        }
        return pong;
    }

    private UserEquipment ue(String user, InetSocketAddress pcscf, TransportProtocol transport) throws Exception {
        UserEquipment ue = UserEquipment.start(UeConfig.builder(impi(user), impu(user), RunningCore.DOMAIN,
                UeCredentials.password(user + "-secret")).pcscf(pcscf).transport(transport).build());
        closing.add(ue);
        return ue;
    }

    private static String impi(String user) {
        return user + "@" + RunningCore.DOMAIN;
    }

    private static String impu(String user) {
        return "sip:" + user + "@" + RunningCore.DOMAIN;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    /** The P-CSCF's certificate is a self-signed development one (docs/decisions/0003): the test trusts it. */
    private static final class TrustingDevCertificate implements X509TrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
