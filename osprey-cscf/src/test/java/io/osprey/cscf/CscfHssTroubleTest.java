package io.osprey.cscf;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.CscfLoopback.Held;
import io.osprey.cscf.cx.CxResult;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.sip.message.SipResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real I- and S-CSCF nodes on loopback against a scripted HSS that holds its answers: an HSS that never answers
 * gets the UE a 504 (480 for the I-CSCF's UAR, TS 24.229 §5.3.1.2) with a Warning naming the HSS instead of a bare
 * 500; past the bound on pending decisions, or on outstanding Cx requests, new requests get 503 with Retry-After at
 * once while those already waiting complete, and REGISTERs answering a challenge up to twice the bound; an HSS
 * answering 3004 DIAMETER_TOO_BUSY gets the UE 503 with Retry-After too.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CscfHssTroubleTest {

    private static final Duration HOLD = Duration.ofSeconds(30);

    @Test
    void anHssThatNeverAnswersTheMarGetsTheUeA504WithAWarningNamingTheHss() throws Exception {
        try (CscfLoopback scscf = CscfLoopback.scscf(512, 1024, Duration.ofMillis(300))) {
            scscf.register("alice");
            assertThat(commandOf(scscf.nextHeld())).isEqualTo(303); // MAR, never answered

            SipResponse response = scscf.finalResponse();

            assertThat(response.statusCode()).isEqualTo(504);
            assertThat(response.reasonPhrase()).isEqualTo("Server Time-out");
            assertThat(response.header("Warning")).startsWith("399 127.0.0.1 ")
                    .contains("no answer from the HSS of ims.test to MAR");
            assertThat(response.to().tag()).isNotBlank();
        }
    }

    @Test
    void theIcscfAnswers480WhenTheUarTimesOutAnd504WhenTheLirDoes() throws Exception {
        try (CscfLoopback icscf = CscfLoopback.icscf(Duration.ofMillis(300))) {
            icscf.register("alice");
            assertThat(commandOf(icscf.nextHeld())).isEqualTo(300); // UAR
            SipResponse toRegister = icscf.finalResponse();

            assertThat(toRegister.statusCode()).isEqualTo(480);
            assertThat(toRegister.header("Warning")).contains("no answer from the HSS of ims.test to UAR");

            icscf.invite("bob");
            assertThat(commandOf(icscf.nextHeld())).isEqualTo(302); // LIR
            SipResponse toInvite = icscf.finalResponse();

            assertThat(toInvite.statusCode()).isEqualTo(504);
            assertThat(toInvite.cseq().method()).isEqualTo("INVITE");
            assertThat(toInvite.header("Warning")).contains("no answer from the HSS of ims.test to LIR");
        }
    }

    @Test
    void pastThePendingBoundANewRequestGets503WhileTheHeldOnesComplete() throws Exception {
        try (CscfLoopback scscf = CscfLoopback.scscf(2, 1024, HOLD)) {
            scscf.register("a");
            scscf.register("b");
            Held first = scscf.nextHeld();
            Held second = scscf.nextHeld();

            scscf.register("c");
            SipResponse refused = scscf.finalResponse();

            assertThat(refused.callId().value()).isEqualTo("reg-c@127.0.0.1");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("5"); // the SIP stack's
            assertThat(refused.header("Warning")).contains("2 requests already wait for the HSS");
            assertThat(scscf.node.pendingLimitRejections()).isEqualTo(1);
            assertThat(scscf.held).as("c never reached the HSS").isEmpty();

            answer(scscf, first, CxResult.USER_UNKNOWN.toResultCode());
            SipResponse firstDone = scscf.finalResponse();
            answer(scscf, second, ResultCodes.DIAMETER_TOO_BUSY);
            SipResponse secondDone = scscf.finalResponse();

            assertThat(firstDone.statusCode()).isEqualTo(403);
            assertThat(firstDone.callId().value()).isEqualTo(callIdOf(first));
            // an HSS answering 3004 DIAMETER_TOO_BUSY: 503 with the S-CSCF's Retry-After
            assertThat(secondDone.statusCode()).isEqualTo(503);
            assertThat(secondDone.callId().value()).isEqualTo(callIdOf(second));
            assertThat(secondDone.header("Retry-After")).isEqualTo("7");
            assertThat(secondDone.header("Warning")).contains("HSS of ims.test is too busy for MAR (3004)");

            // room again: the next REGISTER reaches the HSS
            scscf.register("d");
            Held fourth = scscf.nextHeld();
            answer(scscf, fourth, CxResult.USER_UNKNOWN.toResultCode());
            assertThat(scscf.finalResponse().statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aRegisterAnsweringAChallengeIsRefusedOnlyPastTwiceThePendingBound() throws Exception {
        try (CscfLoopback scscf = CscfLoopback.scscf(2, 1024, HOLD)) {
            scscf.register("a");
            scscf.register("b");
            scscf.nextHeld();
            scscf.nextHeld();

            // at the bound: a first REGISTER is refused, one carrying a digest response still reaches the HSS
            scscf.register("c");
            assertThat(scscf.finalResponse().statusCode()).isEqualTo(503);
            scscf.register("d", answer("d"));
            scscf.register("e", answer("e"));
            assertThat(commandOf(scscf.nextHeld())).isEqualTo(303); // d's nonce is unknown here: a new MAR
            assertThat(commandOf(scscf.nextHeld())).isEqualTo(303);

            // twice the bound is a hard limit
            scscf.register("f", answer("f"));
            SipResponse refused = scscf.finalResponse();
            assertThat(refused.callId().value()).isEqualTo("reg-f@127.0.0.1");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.header("Warning")).contains("4 requests already wait for the HSS"); // twice the bound
            // an empty response (the UE's first REGISTER, TS 24.229 §5.1.1.2.1) is no answer to a challenge
            scscf.register("g", "Authorization: Digest username=\"g@ims.test\", realm=\"ims.test\", nonce=\"\","
                    + " uri=\"sip:ims.test\", response=\"\"\r\n");
            assertThat(scscf.finalResponse().statusCode()).isEqualTo(503);
            assertThat(scscf.node.pendingLimitRejections()).isEqualTo(3);
        }
    }

    private static String answer(String user) {
        return "Authorization: Digest username=\"" + user + "@ims.test\", realm=\"ims.test\", nonce=\"bm9uY2U=\","
                + " uri=\"sip:ims.test\", response=\"0123456789abcdef0123456789abcdef\", algorithm=AKAv1-MD5\r\n";
    }

    @Test
    void pastTheOutstandingCxBoundANewRequestGets503() throws Exception {
        try (CscfLoopback scscf = CscfLoopback.scscf(512, 1, HOLD)) {
            scscf.register("a");
            Held first = scscf.nextHeld();

            scscf.register("b");
            SipResponse refused = scscf.finalResponse();

            assertThat(refused.callId().value()).isEqualTo("reg-b@127.0.0.1");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isEqualTo("7");
            assertThat(refused.header("Warning")).contains("too many requests wait for the HSS of ims.test");
            assertThat(scscf.cx.outstanding()).isEqualTo(1);

            answer(scscf, first, CxResult.USER_UNKNOWN.toResultCode());
            assertThat(scscf.finalResponse().statusCode()).isEqualTo(403);
            assertThat(scscf.cx.outstanding()).isZero();
        }
    }

    private static void answer(CscfLoopback loopback, Held held, ResultCode result) {
        held.answer().complete(DiameterMessage.answerTo(held.request(), loopback.hss.identity()).result(result)
                .build());
    }

    private static int commandOf(Held held) {
        return held.request().commandCode();
    }

    /** The Call-ID of the REGISTER behind a held MAR: its user is the MAR's Public-Identity's. */
    private static String callIdOf(Held held) {
        String impu = held.request().avp(io.osprey.diameter.dictionary.CxDictionary.PUBLIC_IDENTITY)
                .orElseThrow().asUtf8();
        return "reg-" + impu.substring(4, impu.indexOf('@')) + "@127.0.0.1";
    }
}
