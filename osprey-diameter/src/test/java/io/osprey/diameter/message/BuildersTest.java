package io.osprey.diameter.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.RfDictionary;
import io.osprey.diameter.dictionary.RoDictionary;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuildersTest {

    // 2024-01-01T00:00:00Z is NTP second 3913056000; the session counter starts there with low half 0
    static final LocalIdentity ICSCF = LocalIdentity.of("icscf.ims.example", "ims.example",
            Instant.parse("2024-01-01T00:00:00Z"));

    private static DiameterMessage uar() {
        return DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, ICSCF)
                .destinationRealm("ims.example")
                .add(BaseDictionary.USER_NAME, "alice@ims.example")
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:alice@ims.example")
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, "ims.example")
                .build();
    }

    @Test
    void cxRequestCarriesSessionIdFirstAndTheVendorSpecificApplicationId() {
        DiameterMessage uar = uar();

        assertThat(uar.isRequest()).isTrue();
        assertThat(uar.isProxiable()).isTrue();
        assertThat(uar.commandCode()).isEqualTo(300);
        assertThat(uar.applicationId()).isEqualTo(16777216L);
        assertThat(uar.avps().get(0).is(BaseDictionary.SESSION_ID)).isTrue();
        assertThat(uar.sessionId().orElseThrow()).matches("icscf\\.ims\\.example;3913056000;\\d+");
        assertThat(uar.find(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.VENDOR_ID).orElseThrow()
                .asUnsigned32()).isEqualTo(10415L);
        assertThat(uar.find(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.AUTH_APPLICATION_ID)
                .orElseThrow().asUnsigned32()).isEqualTo(16777216L);
        assertThat(uar.avp(BaseDictionary.AUTH_SESSION_STATE).orElseThrow().asEnumerated())
                .isEqualTo(BaseDictionary.NO_STATE_MAINTAINED);
        assertThat(uar.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo("icscf.ims.example");
        assertThat(uar.avp(BaseDictionary.DESTINATION_REALM).orElseThrow().asDiameterIdentity()).isEqualTo("ims.example");
        assertThat(uar.avp(CxDictionary.PUBLIC_IDENTITY).orElseThrow().flags()).isEqualTo(0xC0);
        assertThat(uar.hopByHopId().value()).isZero();
    }

    @Test
    void consecutiveRequestsGetNewSessionAndEndToEndIds() {
        DiameterMessage first = uar();
        DiameterMessage second = uar();
        assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
        assertThat(second.endToEndId().value()).isEqualTo(first.endToEndId().value() + 1);
    }

    @Test
    void requestLackingARequiredAvpIsRefused() {
        assertThatThrownBy(() -> DiameterMessage.request(CxDictionary.USER_AUTHORIZATION, ICSCF)
                .destinationRealm("ims.example").add(BaseDictionary.USER_NAME, "alice").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UAR").hasMessageContaining("Public-Identity")
                .hasMessageContaining("Visited-Network-Identifier");
    }

    @Test
    void peerCommandsCarryNoSessionId() {
        assertThatThrownBy(() -> DiameterMessage.request(BaseDictionary.DEVICE_WATCHDOG, ICSCF).sessionId("x"))
                .isInstanceOf(IllegalStateException.class);
        DiameterMessage dwr = DiameterMessage.request(BaseDictionary.DEVICE_WATCHDOG, ICSCF).build();
        assertThat(dwr.sessionId()).isEmpty();
        assertThat(dwr.isProxiable()).isFalse();
        assertThat(dwr.avps()).hasSize(2);
    }

    @Test
    void creditControlAndAccountingUsePlainApplicationIds() {
        DiameterMessage ccr = DiameterMessage.request(RoDictionary.CREDIT_CONTROL_COMMAND, ICSCF)
                .destinationRealm("ims.example").add(RoDictionary.SERVICE_CONTEXT_ID, "32260@3gpp.org")
                .add(RoDictionary.CC_REQUEST_TYPE, RoDictionary.EVENT_REQUEST).add(RoDictionary.CC_REQUEST_NUMBER, 0)
                .build();
        assertThat(ccr.applicationId()).isEqualTo(4);
        assertThat(ccr.avp(BaseDictionary.AUTH_APPLICATION_ID).orElseThrow().asUnsigned32()).isEqualTo(4L);
        assertThat(ccr.avp(BaseDictionary.AUTH_SESSION_STATE)).isEmpty();
        assertThat(ccr.avp(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID)).isEmpty();

        DiameterMessage acr = DiameterMessage.request(RfDictionary.ACCOUNTING, ICSCF).destinationRealm("ims.example")
                .add(BaseDictionary.ACCOUNTING_RECORD_TYPE, RfDictionary.EVENT_RECORD)
                .add(BaseDictionary.ACCOUNTING_RECORD_NUMBER, 0).build();
        assertThat(acr.applicationId()).isEqualTo(3);
        assertThat(acr.avp(BaseDictionary.ACCT_APPLICATION_ID).orElseThrow().asUnsigned32()).isEqualTo(3L);
    }

    @Test
    void experimentalResultAnswerCopiesIdentifiersSessionAndProxyInfo() {
        Avp proxyA = Avps.of(BaseDictionary.PROXY_INFO, Avps.of(BaseDictionary.PROXY_HOST, "dra1"),
                Avps.of(BaseDictionary.PROXY_STATE, new byte[] {1}));
        Avp proxyB = Avps.of(BaseDictionary.PROXY_INFO, Avps.of(BaseDictionary.PROXY_HOST, "dra2"),
                Avps.of(BaseDictionary.PROXY_STATE, new byte[] {2}));
        DiameterMessage request = uar();
        DiameterMessage proxied = request.withAvps(concat(request.avps(), proxyA, proxyB));
        LocalIdentity hss = LocalIdentity.of("hss.ims.example", "ims.example", Instant.EPOCH);

        DiameterMessage uaa = DiameterMessage.answerTo(proxied, hss)
                .result(CxResultCodes.DIAMETER_FIRST_REGISTRATION)
                .add(CxDictionary.SERVER_NAME, "sip:scscf.ims.example").build();

        assertThat(uaa.isRequest()).isFalse();
        assertThat(uaa.isError()).isFalse();
        assertThat(uaa.isProxiable()).isTrue();
        assertThat(uaa.hopByHopId()).isEqualTo(request.hopByHopId());
        assertThat(uaa.endToEndId()).isEqualTo(request.endToEndId());
        assertThat(uaa.applicationId()).isEqualTo(16777216L);
        assertThat(uaa.avps().get(0)).isEqualTo(request.avp(BaseDictionary.SESSION_ID).orElseThrow());
        assertThat(uaa.avp(BaseDictionary.RESULT_CODE)).isEmpty();
        assertThat(uaa.find(BaseDictionary.EXPERIMENTAL_RESULT, BaseDictionary.VENDOR_ID).orElseThrow().asUnsigned32())
                .isEqualTo(10415L);
        assertThat(uaa.find(BaseDictionary.EXPERIMENTAL_RESULT, BaseDictionary.EXPERIMENTAL_RESULT_CODE).orElseThrow()
                .asUnsigned32()).isEqualTo(2001L);
        assertThat(uaa.result()).contains(ResultCode.experimental(10415, 2001));
        assertThat(uaa.avps(BaseDictionary.PROXY_INFO)).containsExactly(proxyA, proxyB);
        assertThat(uaa.avp(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID)).isPresent();
        assertThat(uaa.avp(BaseDictionary.AUTH_SESSION_STATE)).isPresent();
        assertThat(uaa.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo("hss.ims.example");
    }

    @Test
    void baseResultGoesInResultCodeAndProtocolErrorsSetTheErrorBit() {
        LocalIdentity hss = LocalIdentity.of("hss.ims.example", "ims.example", Instant.EPOCH);
        DiameterMessage success = DiameterMessage.answerTo(uar(), hss).result(ResultCodes.DIAMETER_SUCCESS).build();
        assertThat(success.avp(BaseDictionary.RESULT_CODE).orElseThrow().asUnsigned32()).isEqualTo(2001L);
        assertThat(success.isError()).isFalse();

        DiameterMessage busy = DiameterMessage.answerTo(uar(), hss).result(ResultCodes.DIAMETER_TOO_BUSY)
                .errorMessage("overloaded").build();
        assertThat(busy.isError()).isTrue();
        assertThat(busy.result()).contains(ResultCode.base(3004));
        assertThat(busy.avp(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID)).isEmpty();
        assertThat(busy.avp(BaseDictionary.ERROR_MESSAGE).orElseThrow().isMandatory()).isFalse();

        // 5001 as an experimental Cx result is not a protocol error and not DIAMETER_AVP_UNSUPPORTED
        DiameterMessage unknownUser = DiameterMessage.answerTo(uar(), hss)
                .result(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN).build();
        assertThat(unknownUser.isError()).isFalse();
        assertThat(unknownUser.result()).contains(ResultCode.experimental(10415, 5001));
        assertThat(unknownUser.result().orElseThrow()).isNotEqualTo(ResultCodes.DIAMETER_AVP_UNSUPPORTED);
    }

    @Test
    void answersNeedAResultAndARequest() {
        assertThatThrownBy(() -> DiameterMessage.answerTo(uar(), ICSCF).build()).isInstanceOf(IllegalStateException.class);
        DiameterMessage answer = DiameterMessage.answerTo(uar(), ICSCF).result(ResultCodes.DIAMETER_SUCCESS).build();
        assertThatThrownBy(() -> DiameterMessage.answerTo(answer, ICSCF)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Avp> concat(List<Avp> head, Avp... tail) {
        List<Avp> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void hopByHopAndRetransmissionCopiesKeepTheRequestBit() {
        // The R bit is 0x80: a signed-byte flags field once turned every request copy into an error.
        DiameterMessage dwr = DiameterMessage.request(BaseDictionary.DEVICE_WATCHDOG, ICSCF).build();

        DiameterMessage renumbered = dwr.withHopByHopId(new HopByHopId(0x8000_0001));
        DiameterMessage retransmitted = renumbered.withPotentiallyRetransmitted();

        assertThat(renumbered.isRequest()).isTrue();
        assertThat(renumbered.hopByHopId()).isEqualTo(new HopByHopId(0x8000_0001));
        assertThat(retransmitted.isRequest()).isTrue();
        assertThat(retransmitted.isPotentiallyRetransmitted()).isTrue();
        assertThat(retransmitted.endToEndId()).isEqualTo(dwr.endToEndId());
    }
}
