package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.AbsoluteUri;
import io.osprey.sip.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** RFC 4475 §3.2 (transaction identifier), §3.3 (application-layer semantics) and §3.4 (backward compatibility). */
class Rfc4475SemanticsTest extends Rfc4475Fixtures {

    @Test
    void s3_2_1_badbranch_missingTransactionIdentifier() {
        SipRequest r = validRequest("badbranch");

        assertThat(r.topVia().branch().value()).isEqualTo("z9hG4bK");
        assertThat(r.topVia().branch().isRfc3261()).as("match the RFC 2543 way").isFalse();
        assertThat(uas().validate(r)).isEmpty();
    }

    @Test
    void s3_3_1_insuf_missingRequiredHeaderFields() {
        SipRequest r = validRequest("insuf");

        SipRejection rejection = uas().validate(r).orElseThrow();

        assertThat(rejection.statusCode()).isEqualTo(400);
        assertThat(rejection.warningText()).isEqualTo("Missing To header field");
        SipResponse answer = rejection.toResponse(r, "osprey", "t1");
        assertThat(answer.topVia().branch().value()).isEqualTo("z9hG4bKkdj.insuf");
        assertThat(answer.header("Warning")).isEqualTo("399 osprey \"Missing To header field\"");
    }

    @Test
    void s3_3_2_unkscm_requestUriWithUnknownScheme() {
        SipRequest r = validRequest("unkscm");

        assertThat(r.requestUri()).isInstanceOf(AbsoluteUri.class);
        assertThat(r.requestUri().toString()).isEqualTo("nobodyKnowsThisScheme:totallyopaquecontent");
        assertThat(proxy().validate(r)).hasValueSatisfying(j -> assertThat(j.statusCode()).isEqualTo(416));
        assertThat(uas().validate(r)).hasValueSatisfying(j -> assertThat(j.statusCode()).isEqualTo(416));
    }

    @Test
    void s3_3_3_novelsc_requestUriWithKnownButAtypicalScheme() {
        SipRequest r = validRequest("novelsc");

        assertThat(r.requestUri().scheme()).isEqualTo("soap.beep");
        assertThat(uas().validate(r)).hasValueSatisfying(j -> assertThat(j.statusCode()).isEqualTo(416));
        SipRequestValidator beep = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .uriSchemes(Set.of("sip", "soap.beep")).build();
        assertThat(beep.validate(r)).isEmpty();
    }

    @Test
    void s3_3_4_unksm2_unknownUriSchemesInHeaderFields() {
        SipRequest r = validRequest("unksm2");

        assertThat(r.to().uri().toString()).isEqualTo("isbn:2983792873");
        assertThat(r.from().uri().scheme()).isEqualTo("http");
        assertThat(r.from().tag()).isEqualTo("3234233");
        assertThat(r.contacts()).singleElement()
                .satisfies(c -> assertThat(c.uri()).isInstanceOf(AbsoluteUri.class));
        assertThat(proxy().validate(r)).isEmpty();
    }

    @Test
    void s3_3_5_bext01_proxyRequireAndRequire() {
        SipRequest r = validRequest("bext01");

        SipRejection byProxy = proxy().validate(r).orElseThrow();
        SipRejection byUas = uas().validate(r).orElseThrow();

        assertThat(byProxy.statusCode()).isEqualTo(420);
        assertThat(byProxy.toResponse(r, "osprey", "t").headers("Unsupported"))
                .containsExactly("noProxiesSupportThis", "norDoAnyProxiesSupportThis");
        assertThat(byUas.statusCode()).isEqualTo(420);
        assertThat(byUas.toResponse(r, "osprey", "t").headers("Unsupported"))
                .containsExactly("nothingSupportsThis", "nothingSupportsThisEither");
        SipRequestValidator everything = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .optionTags(Set.of("nothingSupportsThis", "nothingSupportsThisEither")).build();
        assertThat(everything.validate(r)).isEmpty();
    }

    @Test
    void s3_3_6_invut_unknownContentType() {
        SipRequest r = validRequest("invut");

        SipRejection rejection = uas().validate(r).orElseThrow();

        assertThat(rejection.statusCode()).isEqualTo(415);
        assertThat(rejection.toResponse(r, "osprey", "t").header("Accept")).isEqualTo("application/sdp");
        assertThat(proxy().validate(r)).as("a proxy does not look at bodies").isEmpty();
    }

    @Test
    void s3_3_7_regaut01_unknownAuthorizationScheme() {
        SipRequest r = validRequest("regaut01");

        assertThat(r.header("Authorization")).isEqualTo("NoOneKnowsThisScheme opaque-data=here");
        assertThat(uas().validate(r)).as("the registrar then challenges with 401").isEmpty();
    }

    @Test
    void s3_3_8_multi01_multipleValuesInSingleValueRequiredFields() {
        SipRequest r = validRequest("multi01");

        SipRejection rejection = proxy().validate(r).orElseThrow();

        assertThat(rejection.statusCode()).isEqualTo(400);
        assertThat(rejection.warningText()).isEqualTo("Multiple CSeq header fields");
    }

    @Test
    void s3_3_9_mcl01_multipleContentLengthValues() {
        SipParseException e = rejected(lenient, "mcl01");

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("Content-Length");
        assertThat(e.response("osprey", "t").header("Warning")).contains("more than one Content-Length");
    }

    @Test
    void s3_3_10_bcast_200OkWithBroadcastVia() {
        SipResponse r = (SipResponse) valid("bcast");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.vias()).hasSize(2);
        assertThat(r.vias().get(1).host()).isEqualTo("255.255.255.255");
    }

    @Test
    void s3_3_11_zeromf_maxForwardsOfZero() {
        SipRequest options = validRequest("zeromf");
        SipRequest invite = options.toBuilder().method("INVITE").set("CSeq", "39234321 INVITE").build();

        assertThat(options.maxForwards()).isZero();
        assertThat(proxy().validate(options)).as("OPTIONS: the proxy may answer itself").isEmpty();
        assertThat(uas().validate(options)).isEmpty();
        assertThat(proxy().validate(invite)).hasValueSatisfying(j -> assertThat(j.statusCode()).isEqualTo(483));
    }

    @Test
    void s3_3_12_cparam01_registerWithContactHeaderParameter() {
        NameAddress contact = validRequest("cparam01").contacts().get(0);

        assertThat(contact.params().has("unknownparam")).isTrue();
        assertThat(((SipUri) contact.uri()).params().isEmpty()).isTrue();
        assertThat(contact.uri().toString()).isEqualTo("sip:+19725552222@gw1.example.net");
    }

    @Test
    void s3_3_13_cparam02_registerWithUrlParameter() {
        NameAddress contact = validRequest("cparam02").contacts().get(0);

        assertThat(((SipUri) contact.uri()).hasParam("unknownparam")).isTrue();
        assertThat(contact.params().isEmpty()).isTrue();
    }

    @Test
    void s3_3_14_regescrt_registerWithUrlEscapedHeader() {
        SipRequest r = validRequest("regescrt");

        SipUri contact = (SipUri) r.contacts().get(0).uri();
        assertThat(contact.header("Route")).isEqualTo("<sip:sip.example.com>");
        assertThat(contact.toString()).isEqualTo("sip:user@example.com?Route=%3Csip:sip.example.com%3E");
        assertThat(uas().validate(r)).isEmpty();
        assertThat(new String(SipMessageEncoder.encode(r), StandardCharsets.US_ASCII))
                .contains("\r\nM: <sip:user@example.com?Route=%3Csip:sip.example.com%3E>\r\n");
    }

    @Test
    void s3_3_15_sdp01_unacceptableAcceptOffering() {
        SipRequest r = validRequest("sdp01");

        SipRejection rejection = uas().validate(r).orElseThrow();

        assertThat(rejection.statusCode()).isEqualTo(406);
        SipRequestValidator textToo = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .answerContentTypes(Set.of("application/sdp", "text/nobodyknowsthis")).build();
        assertThat(textToo.validate(r)).isEmpty();
    }

    @Test
    void s3_4_1_inv2543_inviteWithRfc2543Syntax() {
        SipRequest r = validRequest("inv2543");

        assertThat(r.topVia().branch()).isNull();
        assertThat(r.from().tag()).isNull();
        assertThat(r.maxForwards()).isEqualTo(-1);
        assertThat(r.contentLength()).as("body is the rest of the datagram").isEqualTo(105);
        assertThat(counters.count(SipCompliance.MISSING_CONTENT_LENGTH)).isEqualTo(1);
        SipRequestValidator lenientUas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .compliance(CompliancePolicy.LENIENT, counters).build();
        assertThat(lenientUas.validate(r)).isEmpty();
        assertThat(counters.count(SipCompliance.MISSING_MAX_FORWARDS)).isEqualTo(1);
        SipRequestValidator strictUas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .compliance(CompliancePolicy.STRICT, new ComplianceCounters()).build();
        assertThat(strictUas.validate(r)).hasValueSatisfying(j -> assertThat(j.warningText()).contains("Max-Forwards"));
        assertThat(rejected(strict, "inv2543").field()).isEqualTo("Content-Length");
    }

    /** Not an RFC 4475 case: a request line without version and a header line without colon. */
    @Test
    void extra_test_garbageIsRejected() {
        SipParseException e = rejected(lenient, "test");

        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.field()).isEqualTo("Request-Line");
        assertThat(e.response("osprey", "t")).as("no Via could be read").isNull();
    }
}
