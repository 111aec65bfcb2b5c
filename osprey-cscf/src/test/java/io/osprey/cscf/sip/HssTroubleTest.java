package io.osprey.cscf.sip;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.cx.CxOverloadException;
import io.osprey.cscf.cx.CxProtocolException;
import io.osprey.cscf.cx.CxResult;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.peer.DiameterRequestException;
import io.osprey.diameter.peer.DiameterTimeoutException;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which SIP answer each way a Cx query can fail gets, with its Warning and Retry-After. */
class HssTroubleTest {

    private static final SipRequest REGISTER = (SipRequest) new SipMessageDecoder().decode("""
            REGISTER sip:ims.test SIP/2.0
            Via: SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK1
            Max-Forwards: 70
            From: <sip:alice@ims.test>;tag=f1
            To: <sip:alice@ims.test>
            Call-ID: reg-1@127.0.0.1
            CSeq: 1 REGISTER
            Content-Length: 0

            """.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));

    private final HssTrouble trouble = new HssTrouble("scscf.ims.test", Duration.ofSeconds(9));

    @Test
    void noAnswerInTimeIs504OrTheCodeTheCallerNames() {
        DiameterTimeoutException timeout = new DiameterTimeoutException("hss.ims.test", Duration.ofSeconds(5), "MAR");

        SipResponse plain = response(trouble.failed(REGISTER, "MAR", "ims.test", new CompletionException(timeout)));
        SipResponse uar = response(trouble.failed(REGISTER, "UAR", "ims.test", timeout, 480,
                "Temporarily Unavailable"));

        assertThat(plain.statusCode()).isEqualTo(504);
        assertThat(plain.header("Warning"))
                .isEqualTo("399 scscf.ims.test \"no answer from the HSS of ims.test to MAR in time\"");
        assertThat(plain.header("Retry-After")).isNull();
        assertThat(plain.to().tag()).isNotBlank();
        assertThat(uar.statusCode()).isEqualTo(480);
        assertThat(uar.reasonPhrase()).isEqualTo("Temporarily Unavailable");
    }

    @Test
    void anHssThatCannotTakeTheRequestIs503WithRetryAfter() {
        SipResponse unreachable = response(trouble.failed(REGISTER, "SAR", "ims.test",
                new DiameterRequestException(ResultCodes.DIAMETER_UNABLE_TO_DELIVER, "no HSS")));
        SipResponse noRoute = response(trouble.failed(REGISTER, "SAR", "ims.test",
                new DiameterRequestException(ResultCodes.DIAMETER_REALM_NOT_SERVED, "no route")));
        SipResponse busyNode = response(trouble.failed(REGISTER, "SAR", "ims.test",
                new DiameterRequestException(ResultCodes.DIAMETER_TOO_BUSY, "peer queue full")));
        SipResponse ownBound = response(trouble.failed(REGISTER, "SAR", "ims.test",
                new CxOverloadException(4, "ims.test")));
        SipResponse busyHss = response(trouble.busy(REGISTER, "SAR", "ims.test"));

        for (SipResponse response : new SipResponse[] {unreachable, noRoute, busyNode, ownBound, busyHss}) {
            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.header("Retry-After")).isEqualTo("9");
            assertThat(response.header("Warning")).startsWith("399 scscf.ims.test ").contains("HSS of ims.test");
        }
        assertThat(unreachable.header("Warning")).contains("cannot be reached for SAR");
        assertThat(busyHss.header("Warning")).contains("too busy for SAR (3004)");
    }

    @Test
    void anythingElseIs500NamingWhatFailed() {
        SipResponse response = response(trouble.failed(REGISTER, "MAR", "ims.test",
                new CxProtocolException("MAA without a result")));

        assertThat(response.statusCode()).isEqualTo(500);
        assertThat(response.header("Warning")).contains("MAR to the HSS of ims.test failed: CxProtocolException");
    }

    @Test
    void only3004AsAResultCodeIsBusy() {
        assertThat(HssTrouble.isBusy(CxResult.ofResultCode(3004))).isTrue();
        assertThat(HssTrouble.isBusy(CxResult.ofExperimental(3004))).isFalse();
        assertThat(HssTrouble.isBusy(CxResult.UNABLE_TO_COMPLY)).isFalse();
    }

    private static SipResponse response(RoutingDecision decision) {
        return ((RoutingDecision.Answer) decision).response();
    }
}
