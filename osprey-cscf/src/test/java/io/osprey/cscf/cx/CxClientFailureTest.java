package io.osprey.cscf.cx;

import static io.osprey.cscf.cx.CxTestNodes.DOMAIN;
import static io.osprey.cscf.cx.CxTestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.diameter.peer.DiameterRequestException;
import io.osprey.diameter.peer.DiameterTimeoutException;
import io.osprey.diameter.peer.PeerConfig;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link CxClient} against a scripted HSS on loopback: the AVPs a request carries (TS 29.229 §6.1), Diameter-level
 * failures completing the future exceptionally with the node's exception, an answer without a result with a
 * {@link CxProtocolException}, and a protocol-error answer (3xxx, 'E' bit) as a {@link CxResult}.
 */
class CxClientFailureTest {

    static final String FAKE_HSS = "fakehss." + DOMAIN;
    static final String SCSCF = "sip:scscf." + DOMAIN;

    static final BlockingQueue<DiameterMessage> marsReceived = new LinkedBlockingQueue<>();
    static DiameterNode hss;
    static DiameterNode node;
    static CxClient cx;

    @BeforeAll
    static void start() {
        hss = new DiameterNode(DiameterNodeConfig.builder(FAKE_HSS, DOMAIN)
                .listen(new InetSocketAddress("127.0.0.1", 0)).application(CxDictionary.APPLICATION)
                .unknownPeers(UnknownPeerPolicy.acceptAny()).requestTimeout(Duration.ofSeconds(10)).build());
        long app = CxDictionary.APPLICATION.id();
        // UAR: an answer whose Result-Code was stripped
        hss.register(app, CxDictionary.USER_AUTHORIZATION.code(), request -> CompletableFuture.completedFuture(
                withoutResult(DiameterMessage.answerTo(request, hss.identity()).result(ResultCodes.DIAMETER_SUCCESS)
                        .add(CxDictionary.SERVER_NAME, SCSCF).build())));
        // LIR: never answered
        hss.register(app, CxDictionary.LOCATION_INFO.code(), request -> new CompletableFuture<>());
        // SAR: a protocol error, as a relay would send it
        hss.register(app, CxDictionary.SERVER_ASSIGNMENT.code(), request -> CompletableFuture.completedFuture(
                DiameterMessage.answerTo(request, hss.identity()).result(ResultCodes.DIAMETER_TOO_BUSY).build()));
        // MAR: recorded and answered with nothing but success
        hss.register(app, CxDictionary.MULTIMEDIA_AUTH.code(), request -> {
            marsReceived.add(request);
            return CompletableFuture.completedFuture(DiameterMessage.answerTo(request, hss.identity())
                    .result(ResultCodes.DIAMETER_SUCCESS).build());
        });
        hss.start();
        node = CxTestNodes.connectedClient(FAKE_HSS, hss.localPort(), Duration.ofMillis(500));
        cx = new CxClient(node, DOMAIN);
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.close();
        }
        if (hss != null) {
            hss.close();
        }
    }

    static DiameterMessage withoutResult(DiameterMessage answer) {
        List<Avp> avps = answer.avps().stream().filter(avp -> !avp.is(BaseDictionary.RESULT_CODE)).toList();
        return answer.withAvps(avps);
    }

    static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the request succeeded");
    }

    @Test
    void requestsCarryTheCxApplicationSessionAndRoutingAvps() throws Exception {
        byte[] randAuts = new byte[30];
        randAuts[0] = 7;
        MultimediaAuthAnswer maa = await(cx.multimediaAuth("u@" + DOMAIN, "sip:u@" + DOMAIN, null, 3, randAuts,
                SCSCF));
        assertThat(maa).isEqualTo(new MultimediaAuthAnswer(CxResult.SUCCESS, null, null, List.of()));

        DiameterMessage mar = marsReceived.poll(5, TimeUnit.SECONDS);
        assertThat(mar.isRequest()).isTrue();
        assertThat(mar.isProxiable()).isTrue();
        assertThat(mar.applicationId()).isEqualTo(16777216L);
        assertThat(mar.avps().getFirst().is(BaseDictionary.SESSION_ID)).isTrue();
        assertThat(mar.sessionId().orElseThrow()).startsWith(CxTestNodes.SCSCF_HOST + ";");
        assertThat(mar.find(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.VENDOR_ID)
                .map(Avp::asUnsigned32)).contains(10415L);
        assertThat(mar.find(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.AUTH_APPLICATION_ID)
                .map(Avp::asUnsigned32)).contains(16777216L);
        assertThat(mar.avp(BaseDictionary.AUTH_SESSION_STATE).map(Avp::asEnumerated))
                .contains(BaseDictionary.NO_STATE_MAINTAINED);
        assertThat(mar.avp(BaseDictionary.ORIGIN_HOST).map(Avp::asUtf8)).contains(CxTestNodes.SCSCF_HOST);
        assertThat(mar.avp(BaseDictionary.ORIGIN_REALM).map(Avp::asUtf8)).contains(DOMAIN);
        assertThat(mar.avp(BaseDictionary.DESTINATION_REALM).map(Avp::asUtf8)).contains(DOMAIN);
        assertThat(mar.avp(BaseDictionary.DESTINATION_HOST)).isEmpty();
        assertThat(mar.avp(BaseDictionary.USER_NAME).map(Avp::asUtf8)).contains("u@" + DOMAIN);
        assertThat(mar.avp(CxDictionary.PUBLIC_IDENTITY).map(Avp::asUtf8)).contains("sip:u@" + DOMAIN);
        assertThat(mar.avp(CxDictionary.SERVER_NAME).map(Avp::asUtf8)).contains(SCSCF);
        assertThat(mar.avp(CxDictionary.SIP_NUMBER_AUTH_ITEMS).map(Avp::asUnsigned32)).contains(3L);
        assertThat(mar.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_AUTHENTICATION_SCHEME).map(Avp::asUtf8))
                .as("no scheme given lets the HSS choose").contains("Unknown");
        assertThat(mar.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_AUTHORIZATION).map(Avp::asOctets))
                .hasValueSatisfying(octets -> assertThat(octets).isEqualTo(randAuts));
    }

    @Test
    void anAnswerWithoutResultCodeFailsWithAClearMessage() {
        CompletableFuture<UserAuthorizationAnswer> uaa = cx.userAuthorization("u@" + DOMAIN, "sip:u@" + DOMAIN, DOMAIN,
                UserAuthorizationType.REGISTRATION);

        assertThat(failureOf(uaa)).isInstanceOf(CxProtocolException.class)
                .hasMessage("UAA from " + FAKE_HSS + " carries neither Result-Code nor a complete Experimental-Result");
    }

    @Test
    void noAnswerWithinTheRequestTimeoutFailsWithTheNodesTimeout() {
        CompletableFuture<LocationInfoAnswer> lia = cx.locationInfo("sip:u@" + DOMAIN, false);

        assertThat(failureOf(lia)).isInstanceOf(DiameterTimeoutException.class);
        // a failure of the caller's own stage is the node's exception itself, not a CompletionException wrapper
        assertThat(lia.handle((answer, failure) -> failure).join()).isInstanceOf(DiameterTimeoutException.class);
    }

    @Test
    void aRealmWithoutRouteFailsWithTheNodesRoutingError() {
        CxClient elsewhere = new CxClient(node, "other.example");

        Throwable failure = failureOf(elsewhere.locationInfo("sip:u@other.example", false));

        assertThat(failure).isInstanceOf(DiameterRequestException.class);
        assertThat(((DiameterRequestException) failure).resultCode()).isEqualTo(ResultCodes.DIAMETER_REALM_NOT_SERVED);
    }

    @Test
    void anHssThatIsDownInTheNodesOwnRealmFailsWithUnableToDeliver() {
        // nothing listens on port 1; the router then hands the request to the node's own dispatcher (3001)
        DiameterNode lonely = new DiameterNode(DiameterNodeConfig.builder(CxTestNodes.SCSCF_HOST, DOMAIN)
                .application(CxDictionary.APPLICATION).requestTimeout(Duration.ofSeconds(2))
                .peer(new PeerConfig(FAKE_HSS, DOMAIN, "127.0.0.1", 1)).build());
        lonely.start();
        try {
            Throwable failure = failureOf(new CxClient(lonely, DOMAIN).locationInfo("sip:u@" + DOMAIN, false));

            assertThat(failure).isInstanceOf(DiameterRequestException.class)
                    .hasMessageContaining("no HSS of realm " + DOMAIN + " is available");
            assertThat(((DiameterRequestException) failure).resultCode())
                    .isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_DELIVER);
        } finally {
            lonely.close();
        }
    }

    @Test
    void aProtocolErrorAnswerIsAResult() {
        ServerAssignmentAnswer saa = await(cx.serverAssignment(null, "sip:u@" + DOMAIN, SCSCF,
                ServerAssignmentType.REGISTRATION, false));

        assertThat(saa.result()).isEqualTo(CxResult.ofResultCode(3004));
        assertThat(saa.result().isProtocolError()).isTrue();
        assertThat(saa.result().isSuccess()).isFalse();
        assertThat(saa.userDataXml()).isNull();
        assertThat(saa.associatedIdentities()).isEmpty();
    }

    @Test
    void aNodeWithoutTheCxApplicationIsRefused() {
        DiameterNode plain = new DiameterNode(DiameterNodeConfig.builder("plain." + DOMAIN, DOMAIN).build());

        assertThatThrownBy(() -> new CxClient(plain, DOMAIN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Cx application");
        assertThatThrownBy(() -> new CxClient(node, "not a realm")).isInstanceOf(IllegalArgumentException.class);
    }
}
