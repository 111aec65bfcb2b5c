package io.osprey.diameter.peer;

import static io.osprey.diameter.peer.PeerFixtures.ceaFor;
import static io.osprey.diameter.peer.PeerFixtures.loopback;
import static io.osprey.diameter.peer.PeerFixtures.openByPeer;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.common.time.VirtualScheduler;
import io.osprey.diameter.codec.DiameterValidator;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.EndToEndId;
import io.osprey.diameter.message.HopByHopId;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.peer.PeerFixtures.FakeConnection;
import io.osprey.diameter.peer.PeerFixtures.RecordingContext;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A peer driven through fake connections on a virtual clock: handshake, election, watchdog, DPR, requests. */
class PeerTest {

    private static final String HSS = "hss.ims.test";
    private static final PeerConfig HSS_CONFIG = new PeerConfig(HSS, PeerFixtures.REALM, "127.0.0.1", 3868);
    private static final LocalIdentity HSS_IDENTITY = PeerFixtures.capabilities(HSS).identity();

    private final VirtualScheduler clock = new VirtualScheduler();
    private final RecordingContext node = new RecordingContext();

    private Peer configuredHss() {
        return PeerFixtures.peer(HSS, HSS_CONFIG, node, clock);
    }

    private FakeConnection openByUs(Peer peer) {
        peer.start();
        FakeConnection connection = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(connection);
        peer.messageReceived(connection, ceaFor(connection, peer.host(), CxDictionary.APPLICATION));
        return connection;
    }

    private DiameterMessage uar() {
        return DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, PeerFixtures.capabilities(PeerFixtures.LOCAL_HOST)
                        .identity()).destinationRealm(PeerFixtures.REALM)
                .add(BaseDictionary.USER_NAME, "alice").add(CxDictionary.PUBLIC_IDENTITY, "sip:alice@ims.test")
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, "ims.test").build();
    }

    private PendingRequest pending(Duration timeout) {
        return new PendingRequest(uar(), clock.nanoTime(), timeout);
    }

    @Test
    void connectsSendsAValidCerAndOpensOnItsCea() {
        Peer peer = configuredHss();
        peer.start();
        assertThat(node.connects).containsExactly(peer);
        assertThat(peer.state()).isEqualTo(PeerState.WAIT_CONN_ACK);

        FakeConnection connection = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(connection);
        DiameterMessage cer = connection.sent.get(0);
        assertThat(cer.isRequest()).isTrue();
        assertThat(cer.commandCode()).isEqualTo(257);
        new DiameterValidator().validate(cer);
        assertThat(cer.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo(PeerFixtures.LOCAL_HOST);
        assertThat(cer.avp(BaseDictionary.HOST_IP_ADDRESS).orElseThrow().asAddress().address())
                .isEqualTo(new byte[] {127, 0, 0, 1});
        assertThat(peer.state()).isEqualTo(PeerState.WAIT_I_CEA);

        peer.messageReceived(connection, ceaFor(connection, HSS, CxDictionary.APPLICATION));

        assertThat(peer.state()).isEqualTo(PeerState.I_OPEN);
        assertThat(peer.watchdogState()).isEqualTo(WatchdogState.OKAY);
        assertThat(peer.isAvailable()).isTrue();
        assertThat(peer.supports(CxDictionary.APPLICATION.id())).isTrue();
        assertThat(peer.supports(RxDictionary.APPLICATION.id())).isFalse();
        assertThat(peer.capabilities().orElseThrow().productName()).isEqualTo("Osprey test");
    }

    @Test
    void refusedCeaClosesAndReconnectsWithDoublingDelays() {
        Peer peer = configuredHss();
        peer.start();
        FakeConnection connection = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(connection);
        DiameterMessage refusal = new BaseMessages(PeerFixtures.capabilities(HSS, CxDictionary.APPLICATION))
                .cea(connection.sent.get(0), ResultCodes.DIAMETER_NO_COMMON_APPLICATION, loopback(), null);

        peer.messageReceived(connection, refusal);

        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        assertThat(connection.closed).isTrue();
        clock.advance(Duration.ofSeconds(29));
        assertThat(node.connects).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(node.connects).hasSize(2);

        peer.connectionFailed(new IOException("connection refused"));
        clock.advance(Duration.ofSeconds(59));
        assertThat(node.connects).hasSize(2);
        clock.advance(Duration.ofSeconds(1));
        assertThat(node.connects).hasSize(3);
    }

    @Test
    void ceaWithoutCommonApplicationOrFromAnotherHostFailsTheHandshake() {
        Peer peer = configuredHss();
        peer.start();
        FakeConnection first = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(first);
        peer.messageReceived(first, ceaFor(first, HSS, RxDictionary.APPLICATION));
        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        assertThat(first.closed).isTrue();

        clock.advance(Duration.ofSeconds(30));
        FakeConnection second = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(second);
        peer.messageReceived(second, ceaFor(second, "impostor.ims.test", CxDictionary.APPLICATION));
        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        assertThat(second.closed).isTrue();
    }

    @Test
    void nonCeaWhileWaitingForTheCeaIsAnError() {
        Peer peer = configuredHss();
        peer.start();
        FakeConnection connection = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(connection);
        peer.messageReceived(connection, new BaseMessages(PeerFixtures.capabilities(HSS)).dwr());
        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        assertThat(connection.closed).isTrue();
    }

    @Test
    void incomingCerIsAnsweredWithSuccessAndOpensTheResponderSide() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);

        assertThat(peer.state()).isEqualTo(PeerState.R_OPEN);
        DiameterMessage cea = connection.last();
        assertThat(cea.isRequest()).isFalse();
        assertThat(cea.commandCode()).isEqualTo(257);
        assertThat(cea.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        new DiameterValidator().validate(cea);
        assertThat(peer.isAvailable()).isTrue();
    }

    @Test
    void electionWonKeepsTheConnectionThePeerOpened() {
        // "icscf.ims.test" succeeds "hss.ims.test": the local node wins
        Peer peer = configuredHss();
        peer.start();
        FakeConnection ours = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(ours);

        FakeConnection theirs = openByPeer(peer, CxDictionary.APPLICATION);

        assertThat(ours.closed).isTrue();
        assertThat(theirs.closed).isFalse();
        assertThat(theirs.last().result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(peer.state()).isEqualTo(PeerState.R_OPEN);
    }

    @Test
    void electionLostWaitsForOurCeaAndDropsThePeersConnection() {
        // "scscf.ims.test" succeeds "icscf.ims.test": the peer wins
        Peer peer = PeerFixtures.peer("scscf.ims.test", new PeerConfig("scscf.ims.test", PeerFixtures.REALM, "::1", 3868),
                node, clock);
        peer.start();
        FakeConnection ours = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(ours);
        FakeConnection theirs = openByPeer(peer, CxDictionary.APPLICATION);
        assertThat(peer.state()).isEqualTo(PeerState.WAIT_RETURNS);
        assertThat(theirs.sent).as("no CEA before the election is decided").isEmpty();

        peer.messageReceived(ours, ceaFor(ours, "scscf.ims.test", CxDictionary.APPLICATION));

        assertThat(theirs.closed).isTrue();
        assertThat(ours.closed).isFalse();
        assertThat(peer.state()).isEqualTo(PeerState.I_OPEN);
    }

    @Test
    void answersDwrWithDwa() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);
        DiameterMessage dwr = new BaseMessages(PeerFixtures.capabilities(HSS)).dwr().withHopByHopId(new HopByHopId(42));

        peer.messageReceived(connection, dwr);

        DiameterMessage dwa = connection.last();
        assertThat(dwa.commandCode()).isEqualTo(280);
        assertThat(dwa.isRequest()).isFalse();
        assertThat(dwa.hopByHopId()).isEqualTo(new HopByHopId(42));
        assertThat(dwa.endToEndId()).isEqualTo(dwr.endToEndId());
        assertThat(dwa.result()).contains(ResultCodes.DIAMETER_SUCCESS);
    }

    @Test
    void answersCompleteTheirRequestsByHopByHopAndEndToEndIdentifier() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);
        PendingRequest request = pending(Duration.ofSeconds(5));

        peer.send(request);

        DiameterMessage sent = connection.last();
        assertThat(sent.commandCode()).isEqualTo(300);
        assertThat(sent.isPotentiallyRetransmitted()).isFalse();
        DiameterMessage answer = DiameterMessage.answerTo(sent, HSS_IDENTITY).result(ResultCodes.DIAMETER_SUCCESS).build();
        DiameterMessage foreign = DiameterMessage.of(answer.flags(), answer.commandCode(), answer.applicationId(),
                answer.hopByHopId(), new EndToEndId(answer.endToEndId().value() + 1), answer.avps());
        peer.messageReceived(connection, foreign);
        assertThat(request.isDone()).as("same Hop-by-Hop, other End-to-End").isFalse();

        peer.messageReceived(connection, answer);
        assertThat(request.answer()).isCompletedWithValue(answer);
    }

    @Test
    void unansweredRequestFailsWithATimeout() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);
        PendingRequest request = pending(Duration.ofSeconds(5));
        peer.send(request);

        clock.advance(Duration.ofMillis(4999));
        assertThat(request.isDone()).isFalse();
        clock.advance(Duration.ofMillis(1));

        assertThat(request.answer()).isCompletedExceptionally();
        assertThat(request.answer().exceptionNow()).isInstanceOf(DiameterTimeoutException.class)
                .hasMessageContaining(HSS).hasMessageContaining("5000 ms");
        // the late answer is ignored
        peer.messageReceived(connection, DiameterMessage.answerTo(connection.last(), HSS_IDENTITY)
                .result(ResultCodes.DIAMETER_SUCCESS).build());
    }

    @Test
    void silentPeerIsSuspectedRequestsFailOverWithTheTFlagThenTheConnectionCloses() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        node.rerouteAccepts = (from, request) -> from == peer;
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);
        PendingRequest request = pending(Duration.ofSeconds(600));
        peer.send(request);

        clock.advance(Duration.ofSeconds(30));
        assertThat(connection.last().commandCode()).as("DWR after Tw").isEqualTo(280);
        assertThat(connection.last().isRequest()).isTrue();
        clock.advance(Duration.ofSeconds(30));

        assertThat(peer.watchdogState()).isEqualTo(WatchdogState.SUSPECT);
        assertThat(peer.isAvailable()).isFalse();
        assertThat(node.rerouted).containsExactly(request);
        assertThat(request.requestToSend(new HopByHopId(1)).isPotentiallyRetransmitted()).isTrue();
        assertThat(request.wasSentTo(HSS)).isTrue();

        clock.advance(Duration.ofSeconds(30));
        assertThat(connection.closed).isTrue();
        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        clock.advance(Duration.ofHours(1));
        assertThat(node.connects).as("a peer that connected on its own is not reconnected").isEmpty();
    }

    @Test
    void dwaWhileSuspectFailsBack() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);
        clock.advance(Duration.ofSeconds(60));
        assertThat(peer.isAvailable()).isFalse();

        DiameterMessage dwr = connection.sent.get(connection.sent.size() - 1);
        peer.messageReceived(connection, DiameterMessage.answerTo(dwr, HSS_IDENTITY).result(ResultCodes.DIAMETER_SUCCESS)
                .build());

        assertThat(peer.watchdogState()).isEqualTo(WatchdogState.OKAY);
        assertThat(peer.isAvailable()).isTrue();
    }

    @Test
    void requestsWaitingOnALostConnectionFailWhenNoOtherPeerTakesThem() {
        Peer peer = PeerFixtures.peer(HSS, null, node, clock);
        FakeConnection connection = openByPeer(peer, CxDictionary.APPLICATION);
        PendingRequest request = pending(Duration.ofSeconds(5));
        peer.send(request);

        connection.close();

        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        assertThat(request.answer().exceptionNow()).isInstanceOf(DiameterRequestException.class)
                .isNotInstanceOf(DiameterTimeoutException.class);
        assertThat(((DiameterRequestException) request.answer().exceptionNow()).resultCode())
                .isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void requestForAnUnavailablePeerIsReroutedOrRefused() {
        Peer peer = configuredHss();
        PendingRequest request = pending(Duration.ofSeconds(5));
        peer.send(request);
        assertThat(((DiameterRequestException) request.answer().exceptionNow()).resultCode())
                .isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void reconnectedPeerIsReopenedAndFailsBackAfterThreeAnsweredDwrs() {
        Peer peer = configuredHss();
        FakeConnection first = openByUs(peer);
        first.close();
        clock.advance(Duration.ofSeconds(30));
        assertThat(node.connects).hasSize(2);
        FakeConnection second = new FakeConnection(ConnectionSide.INITIATOR, peer);
        peer.connectionEstablished(second);
        peer.messageReceived(second, ceaFor(second, HSS, CxDictionary.APPLICATION));

        assertThat(peer.state()).isEqualTo(PeerState.I_OPEN);
        assertThat(peer.watchdogState()).isEqualTo(WatchdogState.REOPEN);
        assertThat(peer.isAvailable()).isFalse();
        DiameterMessage request = uar().withHopByHopId(new HopByHopId(99));
        peer.messageReceived(second, request);
        assertThat(node.requests).as("requests are thrown away while reopening").isEmpty();

        for (int i = 0; i < 3; i++) {
            DiameterMessage dwr = second.last();
            assertThat(dwr.commandCode()).isEqualTo(280);
            assertThat(dwr.isRequest()).isTrue();
            peer.messageReceived(second, DiameterMessage.answerTo(dwr, HSS_IDENTITY).result(ResultCodes.DIAMETER_SUCCESS)
                    .build());
            if (i < 2) {
                assertThat(peer.isAvailable()).isFalse();
                clock.advance(Duration.ofSeconds(30));
            }
        }

        assertThat(peer.watchdogState()).isEqualTo(WatchdogState.OKAY);
        assertThat(peer.isAvailable()).isTrue();
        peer.messageReceived(second, request);
        assertThat(node.requests).containsExactly(request);
    }

    private DiameterMessage dprFromHss(int cause) {
        return new BaseMessages(PeerFixtures.capabilities(HSS)).dpr(cause).withHopByHopId(new HopByHopId(7));
    }

    @Test
    void dprDoNotWantToTalkToYouIsAnsweredAndNeverReconnected() {
        Peer peer = configuredHss();
        FakeConnection connection = openByUs(peer);

        peer.messageReceived(connection, dprFromHss(BaseDictionary.DISCONNECT_DO_NOT_WANT_TO_TALK_TO_YOU));

        DiameterMessage dpa = connection.last();
        assertThat(dpa.commandCode()).isEqualTo(282);
        assertThat(dpa.isRequest()).isFalse();
        assertThat(dpa.hopByHopId()).isEqualTo(new HopByHopId(7));
        assertThat(dpa.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(peer.state()).isEqualTo(PeerState.CLOSING);
        assertThat(peer.isAvailable()).isFalse();

        peer.connectionClosed(connection);
        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        clock.advance(Duration.ofHours(1));
        assertThat(node.connects).hasSize(1);
    }

    @Test
    void dprRebootingReconnectsAfterTc() {
        Peer peer = configuredHss();
        FakeConnection connection = openByUs(peer);
        peer.messageReceived(connection, dprFromHss(BaseDictionary.DISCONNECT_REBOOTING));
        peer.connectionClosed(connection);

        clock.advance(Duration.ofSeconds(30));
        assertThat(node.connects).hasSize(2);
    }

    @Test
    void dprBusyReconnectsOnlyAfterTheBackoffBound() {
        Peer peer = configuredHss();
        FakeConnection connection = openByUs(peer);
        peer.messageReceived(connection, dprFromHss(BaseDictionary.DISCONNECT_BUSY));
        peer.connectionClosed(connection);

        clock.advance(Duration.ofSeconds(239));
        assertThat(node.connects).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(node.connects).hasSize(2);
    }

    @Test
    void stopSendsDprAndClosesOnTheDpa() {
        Peer peer = configuredHss();
        FakeConnection connection = openByUs(peer);

        CompletableFuture<Void> stopped = peer.stop(BaseDictionary.DISCONNECT_BUSY);

        DiameterMessage dpr = connection.last();
        assertThat(dpr.commandCode()).isEqualTo(282);
        assertThat(dpr.isRequest()).isTrue();
        assertThat(dpr.avp(BaseDictionary.DISCONNECT_CAUSE).orElseThrow().asEnumerated())
                .isEqualTo(BaseDictionary.DISCONNECT_BUSY);
        assertThat(peer.state()).isEqualTo(PeerState.CLOSING);
        assertThat(stopped).isNotDone();

        peer.messageReceived(connection, DiameterMessage.answerTo(dpr, HSS_IDENTITY).result(ResultCodes.DIAMETER_SUCCESS)
                .build());

        assertThat(connection.closed).isTrue();
        assertThat(peer.state()).isEqualTo(PeerState.CLOSED);
        assertThat(stopped).isDone();
        clock.advance(Duration.ofHours(1));
        assertThat(node.connects).hasSize(1);
    }

    @Test
    void stopWithoutDpaClosesAfterTheHandshakeTime() {
        Peer peer = configuredHss();
        FakeConnection connection = openByUs(peer);
        CompletableFuture<Void> stopped = peer.stop(BaseDictionary.DISCONNECT_REBOOTING);

        clock.advance(Duration.ofSeconds(10));

        assertThat(connection.closed).isTrue();
        assertThat(stopped).isDone();
    }

    @Test
    void announcedHostAddressesReplaceTheConnectionAddress() throws Exception {
        LocalCapabilities local = new LocalCapabilities(HSS_IDENTITY, List.of(InetAddress.getByName("192.0.2.7")),
                0, "x", 0, -1, List.of(), List.of(CxDictionary.APPLICATION), false);
        DiameterMessage cer = new BaseMessages(local).cer(loopback());
        assertThat(cer.avps(BaseDictionary.HOST_IP_ADDRESS)).hasSize(1);
        assertThat(cer.avp(BaseDictionary.HOST_IP_ADDRESS).orElseThrow().asAddress().address())
                .isEqualTo(new byte[] {(byte) 192, 0, 2, 7});
        assertThat(cer.avp(BaseDictionary.ORIGIN_STATE_ID)).isEmpty();
    }
}
