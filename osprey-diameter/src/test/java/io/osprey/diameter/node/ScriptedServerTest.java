package io.osprey.diameter.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;
import io.osprey.diameter.peer.BaseMessages;
import io.osprey.diameter.peer.DiameterTimeoutException;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerFixtures;
import io.osprey.diameter.peer.PeerState;
import io.osprey.diameter.peer.WatchdogState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An Osprey client node against a hand-driven server socket: misbehaving peers, reconnection and failover. */
class ScriptedServerTest {

    private static final String FAKE = "fake.ims.test";
    private static final BaseMessages FAKE_CX = new BaseMessages(PeerFixtures.capabilities(FAKE, CxDictionary.APPLICATION));

    private ServerSocket listener;
    private DiameterNode icscf;
    private DiameterNode hss;

    @BeforeEach
    void listen() throws IOException {
        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws IOException {
        if (icscf != null) {
            icscf.close();
        }
        if (hss != null) {
            hss.close();
        }
        listener.close();
    }

    private void startClient(DiameterNodeConfig.Builder config) {
        icscf = new DiameterNode(config.build());
        icscf.start();
    }

    private ScriptedPeer acceptAndOpen() throws IOException {
        ScriptedPeer fake = ScriptedPeer.accept(listener);
        DiameterMessage cer = fake.read();
        assertThat(cer.commandCode()).isEqualTo(257);
        assertThat(cer.isRequest()).isTrue();
        fake.send(FAKE_CX.cea(cer, ResultCodes.DIAMETER_SUCCESS, PeerFixtures.loopback(), null));
        TestNodes.awaitOpen(icscf, FAKE);
        return fake;
    }

    @Test
    void garbageFromThePeerClosesTheConnectionAndItIsReopenedLater() throws IOException {
        startClient(TestNodes.client("icscf.ims.test", FAKE, listener.getLocalPort()));
        try (ScriptedPeer first = acceptAndOpen()) {
            first.sendRaw(new byte[] {2, 0, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            assertThat(first.closedByNode()).isTrue();
        }
        try (ScriptedPeer second = ScriptedPeer.accept(listener)) {
            assertThat(second.read().commandCode()).as("a new CER on the new connection").isEqualTo(257);
        }
    }

    @Test
    void requestThePeerNeverAnswersTimesOut() throws Exception {
        startClient(TestNodes.client("icscf.ims.test", FAKE, listener.getLocalPort())
                .requestTimeout(Duration.ofMillis(250)));
        try (ScriptedPeer fake = acceptAndOpen()) {
            CompletableFuture<DiameterMessage> answer = icscf.send(TestNodes.uar(icscf.identity(), "bob@ims.test"));
            DiameterMessage uar = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(uar.commandCode()).isEqualTo(300);
            assertThat(uar.hopByHopId().value()).isNotZero();

            assertThatThrownBy(() -> answer.get(2, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    DiameterTimeoutException.class);

            // a late answer is dropped, and the connection stays usable
            fake.send(DiameterMessage.answerTo(uar, FAKE_CX.local().identity()).result(ResultCodes.DIAMETER_SUCCESS).build());
            CompletableFuture<DiameterMessage> next = icscf.send(TestNodes.uar(icscf.identity(), "bob@ims.test"));
            DiameterMessage second = fake.readSkippingWatchdogs(FAKE_CX);
            fake.send(DiameterMessage.answerTo(second, FAKE_CX.local().identity()).result(ResultCodes.DIAMETER_SUCCESS)
                    .build());
            assertThat(next.get(2, TimeUnit.SECONDS).result()).contains(ResultCodes.DIAMETER_SUCCESS);
        }
    }

    @Test
    void silentPeerIsSuspectedAndItsRequestFailsOverToAnotherPeerWithTheTFlag() throws Exception {
        List<Boolean> retransmitted = new CopyOnWriteArrayList<>();
        hss = new DiameterNode(TestNodes.server("hss2.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny()).build());
        hss.register(CxDictionary.APPLICATION.id(), CxDictionary.USER_AUTHORIZATION.code(), request -> {
            retransmitted.add(request.isPotentiallyRetransmitted());
            return CompletableFuture.completedFuture(DiameterMessage.answerTo(request, hss.identity())
                    .result(ResultCodes.DIAMETER_SUCCESS).build());
        });
        hss.start();
        // the fake peer comes first in the configuration, so it gets the request
        startClient(TestNodes.client("icscf.ims.test", FAKE, listener.getLocalPort())
                .peer(new PeerConfig("hss2.ims.test", TestNodes.REALM, "127.0.0.1", hss.localPort()))
                .requestTimeout(Duration.ofSeconds(3)));
        try (ScriptedPeer fake = acceptAndOpen()) {
            TestNodes.awaitOpen(icscf, "hss2.ims.test");
            CompletableFuture<DiameterMessage> answer = icscf.send(TestNodes.uar(icscf.identity(), "carol@ims.test"));
            DiameterMessage uar = fake.read();
            assertThat(uar.commandCode()).isEqualTo(300);

            DiameterMessage result = answer.get(3, TimeUnit.SECONDS);

            assertThat(result.result()).contains(ResultCodes.DIAMETER_SUCCESS);
            assertThat(result.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity())
                    .isEqualTo("hss2.ims.test");
            assertThat(result.endToEndId()).isEqualTo(uar.endToEndId());
            assertThat(retransmitted).containsExactly(true);
            assertThat(icscf.peer(FAKE).orElseThrow().watchdogState()).isIn(WatchdogState.SUSPECT, WatchdogState.DOWN);
        }
    }

    @Test
    void dprDoNotWantToTalkToYouStopsReconnection() throws IOException {
        startClient(TestNodes.client("icscf.ims.test", FAKE, listener.getLocalPort()));
        try (ScriptedPeer fake = acceptAndOpen()) {
            fake.send(FAKE_CX.dpr(BaseDictionary.DISCONNECT_DO_NOT_WANT_TO_TALK_TO_YOU).withHopByHopId(new HopByHopId(9)));
            DiameterMessage dpa = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(dpa.commandCode()).isEqualTo(282);
            assertThat(dpa.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        }
        TestNodes.await("peer closed", Duration.ofSeconds(3), () -> TestNodes.state(icscf, FAKE) == PeerState.CLOSED);
        listener.setSoTimeout(1500);
        assertThatThrownBy(listener::accept).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void dprRebootingIsFollowedByAReconnection() throws IOException {
        startClient(TestNodes.client("icscf.ims.test", FAKE, listener.getLocalPort()));
        try (ScriptedPeer fake = acceptAndOpen()) {
            fake.send(FAKE_CX.dpr(BaseDictionary.DISCONNECT_REBOOTING).withHopByHopId(new HopByHopId(9)));
            assertThat(fake.readSkippingWatchdogs(FAKE_CX).commandCode()).isEqualTo(282);
        }
        try (ScriptedPeer again = ScriptedPeer.accept(listener)) {
            assertThat(again.read().commandCode()).isEqualTo(257);
        }
    }

    @Test
    void closingTheNodeSendsDprToOpenPeers() throws IOException {
        startClient(TestNodes.client("icscf.ims.test", FAKE, listener.getLocalPort()).disconnectCause(
                BaseDictionary.DISCONNECT_BUSY));
        try (ScriptedPeer fake = acceptAndOpen()) {
            Thread closer = Thread.ofVirtual().start(icscf::close);
            DiameterMessage dpr = fake.readSkippingWatchdogs(FAKE_CX);
            assertThat(dpr.commandCode()).isEqualTo(282);
            assertThat(dpr.isRequest()).isTrue();
            assertThat(dpr.avp(BaseDictionary.DISCONNECT_CAUSE).orElseThrow().asEnumerated())
                    .isEqualTo(BaseDictionary.DISCONNECT_BUSY);
            fake.send(FAKE_CX.dpa(dpr));
            assertThat(fake.closedByNode()).isTrue();
            closer.join(3000);
            assertThat(closer.isAlive()).isFalse();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
