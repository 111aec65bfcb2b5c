package io.osprey.diameter.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.codec.DiameterEncoder;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;
import io.osprey.diameter.peer.BaseMessages;
import io.osprey.diameter.peer.PeerFixtures;
import io.osprey.diameter.peer.PeerState;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A hand-driven client socket against an Osprey server node: handshake rules and RFC 6733 §7 error answers. */
class ScriptedClientTest {

    private static final String FAKE = "fake.ims.test";
    private static final BaseMessages FAKE_CX = new BaseMessages(PeerFixtures.capabilities(FAKE, CxDictionary.APPLICATION));

    private final AtomicInteger uarsHandled = new AtomicInteger();
    private DiameterNode hss;

    private void startHss(UnknownPeerPolicy policy) {
        hss = new DiameterNode(TestNodes.server("hss.ims.test").unknownPeers(policy).build());
        hss.register(CxDictionary.APPLICATION.id(), CxDictionary.USER_AUTHORIZATION.code(), request -> {
            uarsHandled.incrementAndGet();
            return CompletableFuture.completedFuture(DiameterMessage.answerTo(request, hss.identity())
                    .result(ResultCodes.DIAMETER_SUCCESS).add(CxDictionary.SERVER_NAME, "sip:scscf.ims.test").build());
        });
        hss.start();
    }

    @AfterEach
    void stop() {
        if (hss != null) {
            hss.close();
        }
    }

    private ScriptedPeer handshake() throws IOException {
        ScriptedPeer fake = ScriptedPeer.connect(hss.localPort());
        fake.send(FAKE_CX.cer(PeerFixtures.loopback()).withHopByHopId(new HopByHopId(1)));
        DiameterMessage cea = fake.read();
        assertThat(cea.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        TestNodes.awaitOpen(hss, FAKE);
        return fake;
    }

    private static DiameterMessage uar(int hopByHop) {
        return TestNodes.uar(FAKE_CX.local().identity(), "alice@ims.test").withHopByHopId(new HopByHopId(hopByHop));
    }

    private static DiameterMessage without(DiameterMessage message, int code) {
        return message.withAvps(message.avps().stream().filter(avp -> avp.code() != code).toList());
    }

    private static DiameterMessage withHeader(DiameterMessage message, int flags, long applicationId) {
        return DiameterMessage.of(flags, message.commandCode(), applicationId, message.hopByHopId(), message.endToEndId(),
                message.avps());
    }

    private static ResultCode resultOf(DiameterMessage answer, HopByHopId expected) {
        assertThat(answer.isRequest()).isFalse();
        assertThat(answer.hopByHopId()).isEqualTo(expected);
        return answer.result().orElseThrow();
    }

    @Test
    void ceaCarriesTheServersCapabilities() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = ScriptedPeer.connect(hss.localPort())) {
            DiameterMessage cer = FAKE_CX.cer(PeerFixtures.loopback()).withHopByHopId(new HopByHopId(5));
            fake.send(cer);
            DiameterMessage cea = fake.read();
            assertThat(cea.commandCode()).isEqualTo(257);
            assertThat(cea.hopByHopId()).isEqualTo(new HopByHopId(5));
            assertThat(cea.endToEndId()).isEqualTo(cer.endToEndId());
            assertThat(cea.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo("hss.ims.test");
            assertThat(cea.avp(BaseDictionary.PRODUCT_NAME).orElseThrow().asUtf8()).isEqualTo("Osprey test");
            assertThat(cea.avp(BaseDictionary.HOST_IP_ADDRESS).orElseThrow().asAddress().address())
                    .isEqualTo(new byte[] {127, 0, 0, 1});
            assertThat(cea.find(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.AUTH_APPLICATION_ID)
                    .orElseThrow().asUnsigned32()).isEqualTo(CxDictionary.APPLICATION.id());
        }
    }

    @Test
    void invalidRequestsGetTheRfc6733ErrorBeforeAnyHandler() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = handshake()) {
            List<Avp> withUnknown = new ArrayList<>(uar(10).avps());
            withUnknown.add(Avp.raw(77777, 0x40, 0, new byte[] {1, 2, 3, 4}));
            fake.send(uar(10).withAvps(withUnknown));
            DiameterMessage unsupported = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(resultOf(unsupported, new HopByHopId(10))).isEqualTo(ResultCodes.DIAMETER_AVP_UNSUPPORTED);
            assertThat(unsupported.avp(BaseDictionary.FAILED_AVP).orElseThrow().asGrouped().get(0).code()).isEqualTo(77777);

            fake.send(without(uar(11), BaseDictionary.USER_NAME.code()));
            DiameterMessage missing = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(resultOf(missing, new HopByHopId(11))).isEqualTo(ResultCodes.DIAMETER_MISSING_AVP);
            assertThat(missing.avp(BaseDictionary.FAILED_AVP).orElseThrow().asGrouped().get(0).code())
                    .isEqualTo(BaseDictionary.USER_NAME.code());

            fake.send(withHeader(uar(12), DiameterMessage.FLAG_REQUEST, CxDictionary.APPLICATION.id()));
            DiameterMessage badBits = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(resultOf(badBits, new HopByHopId(12))).isEqualTo(ResultCodes.DIAMETER_INVALID_HDR_BITS);
            assertThat(badBits.isError()).isTrue();

            fake.send(withHeader(uar(13), 0xC0, 16777217L));
            DiameterMessage unknownApp = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(resultOf(unknownApp, new HopByHopId(13))).isEqualTo(ResultCodes.DIAMETER_APPLICATION_UNSUPPORTED);
            assertThat(unknownApp.isError()).isTrue();

            DiameterMessage lir = DiameterMessage.of(0xC0, CxDictionary.LOCATION_INFO.code(), CxDictionary.APPLICATION.id(),
                    new HopByHopId(14), uar(14).endToEndId(), uar(14).avps());
            fake.send(lir);
            assertThat(resultOf(fake.readSkippingWatchdogs(FAKE_CX), new HopByHopId(14)))
                    .isEqualTo(ResultCodes.DIAMETER_COMMAND_UNSUPPORTED);

            assertThat(uarsHandled).hasValue(0);
            fake.send(uar(15));
            assertThat(resultOf(fake.readSkippingWatchdogs(FAKE_CX), new HopByHopId(15)))
                    .isEqualTo(ResultCodes.DIAMETER_SUCCESS);
            assertThat(uarsHandled).hasValue(1);
        }
    }

    @Test
    void malformedAvpIsAnsweredAndTheConnectionStaysUp() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = handshake()) {
            byte[] valid = DiameterEncoder.toByteArray(uar(20));
            // Auth-Session-State (277) with 3 octets of data: 5014 DIAMETER_INVALID_AVP_LENGTH
            byte[] bad = HexFormat.of().parseHex("0000011540" + "00000b" + "00000100");
            byte[] frame = new byte[valid.length + bad.length];
            System.arraycopy(valid, 0, frame, 0, valid.length);
            System.arraycopy(bad, 0, frame, valid.length, bad.length);
            frame[1] = (byte) (frame.length >>> 16);
            frame[2] = (byte) (frame.length >>> 8);
            frame[3] = (byte) frame.length;
            fake.sendRaw(frame);
            assertThat(resultOf(fake.readSkippingWatchdogs(FAKE_CX), new HopByHopId(20)))
                    .isEqualTo(ResultCodes.DIAMETER_INVALID_AVP_LENGTH);

            fake.send(uar(21));
            assertThat(resultOf(fake.readSkippingWatchdogs(FAKE_CX), new HopByHopId(21)))
                    .isEqualTo(ResultCodes.DIAMETER_SUCCESS);
        }
    }

    @Test
    void duplicateRequestGetsTheFirstAnswerAgainWithoutReachingTheHandler() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = handshake()) {
            DiameterMessage first = uar(30);
            fake.send(first);
            DiameterMessage answer = fake.readSkippingWatchdogs(FAKE_CX);

            fake.send(first.withPotentiallyRetransmitted().withHopByHopId(new HopByHopId(31)));
            DiameterMessage again = fake.readSkippingWatchdogs(FAKE_CX);

            assertThat(uarsHandled).hasValue(1);
            assertThat(again.hopByHopId()).isEqualTo(new HopByHopId(31));
            assertThat(again.endToEndId()).isEqualTo(first.endToEndId());
            assertThat(again.avps()).isEqualTo(answer.avps());
            assertThat(again.isPotentiallyRetransmitted()).isFalse();

            fake.send(uar(32));
            fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(uarsHandled).as("a new End-to-End Identifier is a new request").hasValue(2);
        }
    }

    @Test
    void garbageClosesTheConnection() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = handshake()) {
            fake.sendRaw(HexFormat.of().parseHex("02000014800001010000000000000001000000010000"));
            assertThat(fake.closedByNode()).isTrue();
        }
        TestNodes.await("peer closed", Duration.ofSeconds(3), () -> TestNodes.state(hss, FAKE) == PeerState.CLOSED);
    }

    @Test
    void firstMessageMustBeACer() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = ScriptedPeer.connect(hss.localPort())) {
            fake.send(FAKE_CX.dwr().withHopByHopId(new HopByHopId(1)));
            assertThat(fake.closedByNode()).isTrue();
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheHandshakeTime() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = ScriptedPeer.connect(hss.localPort())) {
            assertThat(fake.closedByNode()).isTrue();
        }
    }

    @Test
    void unknownPeerIsRefusedWith3010() throws IOException {
        startHss(UnknownPeerPolicy.acceptOnly(List.of("other.ims.test")));
        try (ScriptedPeer fake = ScriptedPeer.connect(hss.localPort())) {
            fake.send(FAKE_CX.cer(PeerFixtures.loopback()).withHopByHopId(new HopByHopId(1)));
            DiameterMessage cea = fake.read();
            assertThat(cea.result()).contains(ResultCodes.DIAMETER_UNKNOWN_PEER);
            assertThat(cea.isError()).isTrue();
            assertThat(fake.closedByNode()).isTrue();
        }
        assertThat(hss.peer(FAKE)).isEmpty();
    }

    @Test
    void cerWithoutCommonApplicationIsRefusedWith5010() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        BaseMessages rxOnly = new BaseMessages(PeerFixtures.capabilities(FAKE, RxDictionary.APPLICATION));
        try (ScriptedPeer fake = ScriptedPeer.connect(hss.localPort())) {
            fake.send(rxOnly.cer(PeerFixtures.loopback()).withHopByHopId(new HopByHopId(1)));
            DiameterMessage cea = fake.read();
            assertThat(cea.result()).contains(ResultCodes.DIAMETER_NO_COMMON_APPLICATION);
            assertThat(cea.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo("hss.ims.test");
            assertThat(fake.closedByNode()).isTrue();
        }
    }

    @Test
    void dwrIsAnsweredAndDprEndsTheConnection() throws IOException {
        startHss(UnknownPeerPolicy.acceptAny());
        try (ScriptedPeer fake = handshake()) {
            fake.send(FAKE_CX.dwr().withHopByHopId(new HopByHopId(40)));
            DiameterMessage dwa = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(dwa.commandCode()).isEqualTo(280);
            assertThat(resultOf(dwa, new HopByHopId(40))).isEqualTo(ResultCodes.DIAMETER_SUCCESS);
            assertThat(hss.peer(FAKE).orElseThrow().dwrReceived()).isEqualTo(1);

            fake.send(FAKE_CX.dpr(BaseDictionary.DISCONNECT_REBOOTING).withHopByHopId(new HopByHopId(41)));
            DiameterMessage dpa = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(dpa.commandCode()).isEqualTo(282);
            assertThat(resultOf(dpa, new HopByHopId(41))).isEqualTo(ResultCodes.DIAMETER_SUCCESS);
            TestNodes.await("peer closing", Duration.ofSeconds(1), () -> TestNodes.state(hss, FAKE) == PeerState.CLOSING);
        }
        TestNodes.await("peer closed", Duration.ofSeconds(3), () -> TestNodes.state(hss, FAKE) == PeerState.CLOSED);
    }
}
