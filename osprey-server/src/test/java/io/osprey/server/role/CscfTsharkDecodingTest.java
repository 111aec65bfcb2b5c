package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.server.role.SipTsharkCapture.Decoded;
import io.osprey.server.role.SipTsharkCapture.Expert;
import io.osprey.server.role.SipTsharkCapture.SipPdu;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.Registration;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every SIP message passing the P-, I- and S-CSCF of a running core on loopback, captured live by tshark while UE
 * simulators register (IMS AKA and digest), subscribe to their reg event (RFC 3680), call each other with RTP,
 * exchange MESSAGEs (RFC 3428) and deregister, decodes in Wireshark's SIP dissector with no malformed packet and no
 * expert info of warning or error severity; every method and the 200/401 responses are there, and Call-ID,
 * P-Asserted-Identity (TS 24.229 §5.2.6.3.3), Path (RFC 3327) and Service-Route (RFC 3608) read back as sent.
 * Skipped without tshark unless {@code OSPREY_REQUIRE_PEERS=true}.
 */
@Tag("e2e")
class CscfTsharkDecodingTest {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Set<String> METHODS = Set.of("REGISTER", "INVITE", "ACK", "BYE", "CANCEL", "SUBSCRIBE",
            "NOTIFY", "MESSAGE");

    @TempDir
    Path dir;

    @Test
    @Timeout(180)
    void everyMessageThroughTheCscfsDecodesCleanlyAndReadsBackAsSent() throws Exception {
        Path tshark = ExternalPeers.require("tshark", "tshark");
        try (RunningCore core = RunningCore.start(dir)) {
            provision(core);
            int pcscf = core.pcscfPort();
            int icscf = core.config().icscf().port();
            int scscf = core.config().scscf().port();
            List<UserEquipment> ues = new ArrayList<>();
            try {
                UserEquipment alice = ue(core, ues, "alice", UeCredentials.akaWithOpc(K, OPC));
                UserEquipment carol = ue(core, ues, "carol", UeCredentials.akaWithOpc(K, OPC));
                UserEquipment bob = ue(core, ues, "bob", UeCredentials.password("bob-secret"));
                UserEquipment dave = ue(core, ues, "dave", UeCredentials.password("dave-secret"));
                // the UEs' ports too: a CSCF sends a request over 1300 bytes to a UE over TCP (RFC 3261 §18.1.1)
                List<Integer> ports = new ArrayList<>(List.of(pcscf, icscf, scscf));
                ues.forEach(ue -> ports.add(ue.localSipAddress().getPort()));
                int canaryPort = FreePorts.udpAndTcp();
                ports.add(canaryPort);

                Scenario seen;
                Decoded decoded;
                try (SipTsharkCapture capture = SipTsharkCapture.start(tshark, dir.resolve("cscf.pcapng"), ports)) {
                    sendCanary(canaryPort);
                    seen = drive(core, alice, carol, bob, dave);
                    capture.flush(WAIT);
                    decoded = capture.stopAndDecode();
                }
                check(withoutCanary(decoded, canaryPort), seen, pcscf, icscf, scscf,
                        alice.localSipAddress().getPort());
            } finally {
                ues.forEach(UserEquipment::close);
            }
        }
    }

    /** A SIP request with a header line lacking its colon: Wireshark marks it malformed (RFC 3261 §7.3.1). */
    private static void sendCanary(int port) throws Exception {
        byte[] broken = ("OPTIONS sip:canary@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bKcanary\r\n"
                + "HeaderWithoutColon\r\nCall-ID: canary\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.send(new DatagramPacket(broken, broken.length, InetAddress.getLoopbackAddress(), port));
        }
    }

    /** Checks that tshark flagged the canary, so that a clean result means something, and leaves it out. */
    private static Decoded withoutCanary(Decoded decoded, int canaryPort) {
        List<SipPdu> canaries = decoded.messages().stream().filter(m -> m.frame().dstPort() == canaryPort).toList();
        assertThat(canaries).as("the broken canary message, sent to a port nobody listens on").hasSize(1);
        assertThat(canaries.get(0).frame().malformed()).as("tshark flags the canary as malformed").isTrue();
        return new Decoded(decoded.messages().stream().filter(m -> m.frame().dstPort() != canaryPort).toList(),
                decoded.otherFrames());
    }

    /** What the UEs and the S-CSCF saw, to compare with what tshark read off the wire. */
    private record Scenario(Registration aliceRegistration, List<String> alicePath, String callId) {
    }

    private static Scenario drive(RunningCore core, UserEquipment alice, UserEquipment carol, UserEquipment bob,
                                  UserEquipment dave) throws Exception {
        Registration aliceRegistration = get(alice.register(Duration.ofSeconds(600)));
        assertThat(aliceRegistration.statusCode()).isEqualTo(200);
        assertThat(aliceRegistration.challenges()).as("AKA challenge (401)").isGreaterThanOrEqualTo(1);
        assertThat(get(carol.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(bob.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        assertThat(get(dave.register(Duration.ofSeconds(600))).statusCode()).isEqualTo(200);
        List<String> alicePath = core.scscfRegistrations().find("sip:alice@ims.test").orElseThrow().bindings()
                .get(0).path();

        assertThat(get(alice.subscribeRegEvent()).intValue()).isEqualTo(200);
        assertThat(alice.regNotifications().poll(10, TimeUnit.SECONDS)).as("reg-event NOTIFY").isNotNull();

        bob.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(50)));
        Call call = get(alice.call("sip:bob@ims.test"));
        assertThat(call.statusCode()).as(call.reason()).isEqualTo(200);
        Call atBob = bob.incomingCalls().poll(10, TimeUnit.SECONDS);
        assertThat(atBob).isNotNull();
        await().atMost(WAIT).until(() -> call.rtpStats().packetsReceived() > 10
                && atBob.rtpStats().packetsReceived() > 10);
        assertThat(get(call.hangup())).isEqualTo(200);
        get(atBob.ended());

        dave.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(50)));
        Call second = get(carol.call("sip:dave@ims.test"));
        assertThat(second.statusCode()).as(second.reason()).isEqualTo(200);
        Call atDave = dave.incomingCalls().poll(10, TimeUnit.SECONDS);
        assertThat(atDave).isNotNull();
        assertThat(get(atDave.hangup())).as("the callee hangs up this time").isEqualTo(200);
        get(second.ended());

        assertThat(get(alice.message("sip:bob@ims.test", "lunch at one?")).intValue()).isEqualTo(200);
        assertThat(bob.messages().poll(10, TimeUnit.SECONDS)).isNotNull();
        assertThat(get(dave.message("sip:carol@ims.test", "on my way")).intValue()).isEqualTo(200);
        assertThat(carol.messages().poll(10, TimeUnit.SECONDS)).isNotNull();

        // failures carry Warnings and Reasons through the chain too: a CANCEL, a busy callee, an unknown one
        bob.answerMode(AnswerMode.NO_ANSWER);
        Call cancelled = carol.dial("sip:bob@ims.test");
        get(cancelled.ringing());
        get(cancelled.hangup());
        assertThat(get(cancelled.outcome()).statusCode()).isEqualTo(487);
        bob.answerMode(AnswerMode.BUSY);
        assertThat(get(carol.call("sip:bob@ims.test")).statusCode()).isEqualTo(486);
        assertThat(get(carol.call("sip:nobody@ims.test")).statusCode()).isEqualTo(404);

        for (UserEquipment ue : List.of(alice, carol, bob, dave)) {
            assertThat(get(ue.deregister()).statusCode()).isEqualTo(200);
        }
        assertThat(alice.regNotifications().poll(10, TimeUnit.SECONDS)).as("NOTIFY of the deregistration")
                .isNotNull();
        return new Scenario(aliceRegistration, alicePath, call.callId());
    }

    private static void check(Decoded decoded, Scenario seen, int pcscf, int icscf, int scscf, int alicePort) {
        List<SipPdu> messages = decoded.messages();
        String listing = messages.stream().map(SipPdu::toString).collect(Collectors.joining("\n"));
        assertThat(messages).as("SIP messages decoded").hasSizeGreaterThan(50);
        decodesCleanly(decoded);
        everyMethodAndResponseIsThere(messages, listing);
        everyRequestHasAFinalResponse(messages);
        headersReadBackAsSent(messages, listing, seen, pcscf, icscf, scscf, alicePort);
    }

    /** No malformed frame at all; no expert info of warning or error severity on a frame carrying SIP. */
    private static void decodesCleanly(Decoded decoded) {
        List<SipPdu> messages = decoded.messages();
        assertThat(decoded.otherFrames()).as("frames without SIP").noneMatch(SipTsharkCapture.Frame::malformed);
        assertThat(messages).as("malformed SIP frames").noneMatch(m -> m.frame().malformed());
        List<String> problems = new ArrayList<>();
        for (SipPdu message : messages) {
            for (Expert expert : message.frame().expert()) {
                if (expert.isWarningOrWorse()) {
                    problems.add(message + ": " + expert);
                }
            }
        }
        assertThat(problems).as("expert infos of warning or error severity on SIP frames").isEmpty();
    }

    private static void everyMethodAndResponseIsThere(List<SipPdu> messages, String listing) {
        Set<String> methods = messages.stream().filter(SipPdu::isRequest).map(SipPdu::method)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(methods).as(listing).containsAll(METHODS);
        for (String method : List.of("REGISTER", "INVITE", "BYE", "SUBSCRIBE", "NOTIFY", "MESSAGE")) {
            assertThat(messages).as("200 for " + method).anyMatch(m -> m.status() == 200
                    && method.equals(m.cseqMethod()));
        }
        assertThat(messages).as("401 for REGISTER").anyMatch(m -> m.status() == 401
                && "REGISTER".equals(m.cseqMethod()));
        assertThat(messages).as("200 for CANCEL").anyMatch(m -> m.status() == 200 && "CANCEL".equals(m.cseqMethod()));
        for (int failure : List.of(487, 486, 404)) {
            assertThat(messages).as(failure + " for INVITE").anyMatch(m -> m.status() == failure
                    && "INVITE".equals(m.cseqMethod()));
        }
        assertThat(messages.stream().filter(m -> m.status() == 401)
                .map(m -> String.valueOf(m.first("sip.WWW-Authenticate")))).as("an AKA and a digest challenge")
                .anyMatch(header -> header.contains("AKAv1-MD5")).anyMatch(header -> header.contains("MD5")
                        && !header.contains("AKA"));
    }

    /**
     * Call-ID on every hop of the call; P-Asserted-Identity and P-Charging-Vector on the INVITE from the P-CSCF to
     * the S-CSCF; Path on the REGISTER from the P-CSCF to the I-CSCF; Service-Route on the 200 to the UE.
     */
    private static void headersReadBackAsSent(List<SipPdu> messages, String listing, Scenario seen, int pcscf,
                                              int icscf, int scscf, int alicePort) {
        List<SipPdu> invites = messages.stream().filter(m -> "INVITE".equals(m.method())
                && seen.callId().equals(m.callId())).toList();
        assertThat(invites).as("the call's INVITE on every hop: UE→P, P→S, S→(I→)S, S→P, P→UE")
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(invites).as("the INVITE the UE sent").anyMatch(m -> m.frame().srcPort() == alicePort);
        SipPdu originating = invites.stream().filter(m -> m.frame().dstPort() == scscf && m.topViaPort() == pcscf)
                .findFirst().orElseThrow(() -> new AssertionError("no INVITE from the P-CSCF to the S-CSCF\n"
                        + listing));
        assertThat(originating.all("sip.P-Asserted-Identity")).as("asserted by the P-CSCF")
                .anyMatch(value -> value.contains("sip:alice@ims.test"));
        assertThat(originating.first("sip.P-Charging-Vector")).as("icid from the P-CSCF").contains("icid-value=");

        SipPdu register = messages.stream().filter(m -> "REGISTER".equals(m.method())
                        && m.frame().dstPort() == icscf && m.topViaPort() == pcscf
                        && m.first("sip.From").contains("sip:alice@ims.test") && m.first("sip.Path") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no REGISTER with Path from the P-CSCF to the"
                        + " I-CSCF\n" + listing));
        assertThat(seen.alicePath()).isNotEmpty();
        assertThat(register.first("sip.Path")).as("Path as the S-CSCF stored it")
                .contains(bare(seen.alicePath().get(0)));

        SipPdu ok = messages.stream().filter(m -> m.status() == 200 && "REGISTER".equals(m.cseqMethod())
                        && m.frame().srcPort() == pcscf && m.frame().dstPort() == alicePort
                        && m.first("sip.Service-Route") != null)
                .findFirst().orElseThrow(() -> new AssertionError("no 200 (REGISTER) from the P-CSCF to alice\n"
                        + listing));
        assertThat(seen.aliceRegistration().serviceRoute()).isNotEmpty();
        assertThat(ok.first("sip.Service-Route")).as("Service-Route as the UE read it")
                .contains(bare(seen.aliceRegistration().serviceRoute().get(0)));
        assertThat(ok.first("sip.P-Associated-URI")).contains("sip:alice@ims.test");
    }

    /**
     * RFC 3261 §17: a final response for every request (ACK excepted) somewhere on the wire. The NOTIFYs that end a
     * subscription are left out: those the S-CSCF sends the P-CSCF on the last deregistration may still be
     * answered after the capture stopped, as nothing the test can wait for follows them.
     */
    private static void everyRequestHasAFinalResponse(List<SipPdu> messages) {
        Set<String> answered = messages.stream().filter(m -> m.status() >= 200)
                .map(m -> m.callId() + " " + m.first("sip.CSeq")).collect(Collectors.toSet());
        List<SipPdu> unanswered = messages.stream().filter(m -> m.isRequest() && !"ACK".equals(m.method())
                && !answered.contains(m.callId() + " " + m.first("sip.CSeq"))
                && !String.valueOf(m.first("sip.Subscription-State")).startsWith("terminated")).toList();
        assertThat(unanswered).as("requests without a final response in the capture").isEmpty();
    }

    /** A URI without its angle brackets. */
    private static String bare(String nameAddr) {
        String value = nameAddr.strip();
        int open = value.indexOf('<');
        int close = value.indexOf('>');
        return open >= 0 && close > open ? value.substring(open + 1, close) : value;
    }

    private static void provision(RunningCore core) throws Exception {
        for (String user : List.of("alice", "carol")) {
            core.provisioning().addSubscriber(NewSubscriber.of(user + "@ims.test", "sip:" + user + "@ims.test")
                    .withAkaOpc(K, OPC));
        }
        for (String user : List.of("bob", "dave")) {
            core.provisioning().addSubscriber(NewSubscriber.of(user + "@ims.test", "sip:" + user + "@ims.test")
                    .withPassword(user + "-secret"));
        }
    }

    private static UserEquipment ue(RunningCore core, List<UserEquipment> ues, String user,
                                     UeCredentials credentials) throws Exception {
        UserEquipment ue = UserEquipment.start(UeConfig.builder(user + "@ims.test", "sip:" + user + "@ims.test",
                RunningCore.DOMAIN, credentials).pcscf(core.pcscf()).build());
        ues.add(ue);
        return ue;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}
