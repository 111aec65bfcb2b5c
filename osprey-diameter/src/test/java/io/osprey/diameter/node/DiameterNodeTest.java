package io.osprey.diameter.node;

import static io.osprey.diameter.node.TestNodes.awaitOpen;
import static io.osprey.diameter.node.TestNodes.uar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.RxDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.peer.DiameterRequestException;
import io.osprey.diameter.peer.DiameterTimeoutException;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.routing.RealmRoute;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Osprey nodes talking to each other over loopback TCP (and TLS). */
class DiameterNodeTest {

    private final List<DiameterNode> nodes = new ArrayList<>();

    @AfterEach
    void stop() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
    }

    private DiameterNode start(DiameterNodeConfig config, RequestHandler uarHandler) {
        DiameterNode node = new DiameterNode(config);
        if (uarHandler != null) {
            node.register(CxDictionary.APPLICATION.id(), CxDictionary.USER_AUTHORIZATION.code(), uarHandler);
        }
        node.start();
        nodes.add(node);
        return node;
    }

    private static RequestHandler success(String originHost, String realm) {
        return request -> CompletableFuture.completedFuture(DiameterMessage.answerTo(request,
                        LocalIdentity.of(originHost, realm, Instant.EPOCH))
                .result(ResultCodes.DIAMETER_SUCCESS).build());
    }

    /** An HSS serving UAR with {@code handler}, and an I-CSCF connected to it. */
    private DiameterNode[] pair(RequestHandler handler) {
        DiameterNode hss = start(TestNodes.server("hss.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny()).build(),
                handler);
        DiameterNode icscf = start(TestNodes.client("icscf.ims.test", "hss.ims.test", hss.localPort()).build(), null);
        awaitOpen(icscf, "hss.ims.test");
        awaitOpen(hss, "icscf.ims.test");
        return new DiameterNode[] {hss, icscf};
    }

    @Test
    void capabilitiesExchangeOpensBothSidesAndRequestsGetAnswers() throws Exception {
        DiameterNode icscf = pair(success("hss.ims.test", TestNodes.REALM))[1];

        DiameterMessage answer = icscf.send(uar(icscf.identity(), "alice@ims.test")).get(3, TimeUnit.SECONDS);

        assertThat(answer.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        Peer hss = icscf.peer("hss.ims.test").orElseThrow();
        assertThat(hss.capabilities().orElseThrow().productName()).isEqualTo("Osprey test");
        assertThat(hss.capabilities().orElseThrow().vendorId()).isEqualTo(10415);
    }

    @Test
    void idleConnectionKeepsExchangingWatchdogs() {
        DiameterNode[] both = pair(success("hss.ims.test", TestNodes.REALM));
        Peer hssSeenByIcscf = both[1].peer("hss.ims.test").orElseThrow();
        Peer icscfSeenByHss = both[0].peer("icscf.ims.test").orElseThrow();

        // Tw is 300 ms: after 1.5 s of silence several DWR/DWA pairs went by and nothing was suspected
        TestNodes.await("watchdog exchanges", Duration.ofSeconds(3),
                () -> hssSeenByIcscf.dwaReceived() + icscfSeenByHss.dwaReceived() >= 4);

        assertThat(hssSeenByIcscf.dwaReceived() + icscfSeenByHss.dwaReceived())
                .isLessThanOrEqualTo(hssSeenByIcscf.dwrReceived() + icscfSeenByHss.dwrReceived() + 2);
        assertThat(hssSeenByIcscf.isAvailable()).isTrue();
        assertThat(icscfSeenByHss.isAvailable()).isTrue();
    }

    @Test
    void requestTheServerNeverAnswersFailsWithATimeout() {
        DiameterNode hss = start(TestNodes.server("hss.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny())
                .requestTimeout(Duration.ofSeconds(10)).build(), request -> new CompletableFuture<>());
        DiameterNode icscf = start(TestNodes.client("icscf.ims.test", "hss.ims.test", hss.localPort())
                .requestTimeout(Duration.ofMillis(500)).build(), null);
        awaitOpen(icscf, "hss.ims.test");

        CompletableFuture<DiameterMessage> answer = icscf.send(uar(icscf.identity(), "alice@ims.test"));

        assertThatThrownBy(() -> answer.get(4, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(DiameterTimeoutException.class).hasMessageContaining("hss.ims.test");
        assertThat(icscf.peer("hss.ims.test").orElseThrow().isAvailable()).as("DWA still flow").isTrue();
    }

    @Test
    void handlerThatNeverAnswersIsAnsweredUnableToComplyAfterTheRequestTimeout() throws Exception {
        DiameterNode hss = start(TestNodes.server("hss.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny())
                .requestTimeout(Duration.ofMillis(300)).build(), request -> new CompletableFuture<>());
        DiameterNode icscf = start(TestNodes.client("icscf.ims.test", "hss.ims.test", hss.localPort()).build(), null);
        awaitOpen(icscf, "hss.ims.test");

        DiameterMessage answer = icscf.send(uar(icscf.identity(), "alice@ims.test")).get(3, TimeUnit.SECONDS);

        assertThat(answer.result()).contains(ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
        assertThat(answer.avp(BaseDictionary.ERROR_MESSAGE)).isPresent();
    }

    @Test
    void failingHandlerIsAnsweredUnableToComply() throws Exception {
        DiameterNode icscf = pair(request -> CompletableFuture.failedFuture(new IllegalStateException("database down")))[1];

        DiameterMessage answer = icscf.send(uar(icscf.identity(), "alice@ims.test")).get(3, TimeUnit.SECONDS);

        assertThat(answer.result()).contains(ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
    }

    @Test
    void requestsWithoutRouteFailAtOnce() {
        DiameterNode icscf = pair(success("hss.ims.test", TestNodes.REALM))[1];

        DiameterMessage otherRealm = DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, icscf.identity())
                .destinationRealm("elsewhere.test").add(BaseDictionary.USER_NAME, "a")
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:a@elsewhere.test")
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, "x").build();
        assertThat(failure(icscf.send(otherRealm)).resultCode()).isEqualTo(ResultCodes.DIAMETER_REALM_NOT_SERVED);

        DiameterMessage rx = DiameterMessage.request(RxDictionary.AA, icscf.identity()).destinationRealm(TestNodes.REALM)
                .build();
        assertThat(failure(icscf.send(rx)).resultCode()).as("the HSS does not announce Rx")
                .isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    private static DiameterRequestException failure(CompletableFuture<DiameterMessage> answer) {
        assertThat(answer).isCompletedExceptionally();
        return (DiameterRequestException) answer.exceptionNow();
    }

    @Test
    void relayForwardsWithRouteRecordAndReturnsTheAnswerUnderTheOriginalHopByHopId() throws Exception {
        List<List<String>> routeRecords = new CopyOnWriteArrayList<>();
        DiameterNode hss = start(TestNodes.server("hss.home.test", "home.test").unknownPeers(UnknownPeerPolicy.acceptAny()).build(),
                request -> {
                    routeRecords.add(request.avps(BaseDictionary.ROUTE_RECORD).stream().map(Avp::asDiameterIdentity)
                            .toList());
                    return success("hss.home.test", "home.test").handle(request);
                });
        DiameterNode dra = start(TestNodes.server("dra.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny()).relay(true)
                .peer(new PeerConfig("hss.home.test", "home.test", "127.0.0.1", hss.localPort())).build(), null);
        DiameterNode icscf = start(TestNodes.client("icscf.ims.test", "dra.ims.test", dra.localPort())
                .route(RealmRoute.relay("home.test", "dra.ims.test")).build(), null);
        awaitOpen(dra, "hss.home.test");
        awaitOpen(icscf, "dra.ims.test");

        DiameterMessage uar = DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, icscf.identity())
                .destinationRealm("home.test").add(BaseDictionary.USER_NAME, "alice")
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:alice@home.test")
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, TestNodes.REALM).build();
        DiameterMessage answer = icscf.send(uar).get(3, TimeUnit.SECONDS);

        assertThat(answer.result()).contains(ResultCodes.DIAMETER_SUCCESS);
        assertThat(answer.endToEndId()).isEqualTo(uar.endToEndId());
        assertThat(answer.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo("hss.home.test");
        assertThat(routeRecords).containsExactly(List.of("icscf.ims.test"));
    }

    @Test
    void tlsConnectionsCarryTheSameExchanges(@TempDir Path dir) throws Exception {
        TlsConfig tls = new TlsConfig(TestCertificates.keyStore(dir, "node.ims.test"), TestCertificates.PASSWORD, null);
        DiameterNode hss = start(TestNodes.server("hss.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny()).tls(tls)
                .build(), success("hss.ims.test", TestNodes.REALM));
        DiameterNode icscf = start(TestNodes.client("icscf.ims.test", "hss.ims.test", hss.localPort()).tls(tls).build(),
                null);
        awaitOpen(icscf, "hss.ims.test");

        DiameterMessage answer = icscf.send(uar(icscf.identity(), "alice@ims.test")).get(3, TimeUnit.SECONDS);

        assertThat(answer.result()).contains(ResultCodes.DIAMETER_SUCCESS);
    }

    @Test
    void closedNodeRefusesToSend() {
        DiameterNode icscf = new DiameterNode(TestNodes.client("icscf.ims.test", "hss.ims.test", 1).build());
        assertThat(failure(icscf.send(uar(icscf.identity(), "a"))).resultCode())
                .isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
    }

    @Test
    void nodeOnSharedEventLoopsAnswersOnThemAndLeavesThemRunningWhenClosed() throws Exception {
        DiameterNode hss = start(TestNodes.server("hss.ims.test").unknownPeers(UnknownPeerPolicy.acceptAny()).build(),
                success("hss.ims.test", TestNodes.REALM));
        EventLoopGroup shared = EventLoops.group("shared-io", 1);
        try {
            DiameterNode icscf = new DiameterNode(
                    TestNodes.client("icscf.ims.test", "hss.ims.test", hss.localPort()).build(), shared);
            icscf.start();
            awaitOpen(icscf, "hss.ims.test");
            EventLoop loop = shared.next();

            // sent from the shared loop itself, as SIP work run in place there sends it
            CompletableFuture<String> answeredOn = new CompletableFuture<>();
            loop.execute(() -> icscf.send(uar(icscf.identity(), "alice@ims.test")).whenComplete((answer, failure) ->
                    answeredOn.complete(failure != null ? failure.toString()
                            : answer.result().orElseThrow() + " on " + Thread.currentThread().getName())));

            assertThat(answeredOn.get(3, TimeUnit.SECONDS))
                    .isEqualTo(ResultCodes.DIAMETER_SUCCESS + " on shared-io-0");
            icscf.close();
            assertThat(shared.isShuttingDown()).as("a node leaves event loops it was given running").isFalse();
            assertThat(loop.submit(() -> "still serving").get(1, TimeUnit.SECONDS)).isEqualTo("still serving");
        } finally {
            shared.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        }
    }
}
