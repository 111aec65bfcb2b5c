package io.osprey.sip.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.uri.SipUri;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * RFC 4475 §3.1.2: invalid messages. Requests are refused with the status a server answers (400 with a Warning
 * naming the fault, 505) and responses are marked for silent dropping. Where the RFC allows an element to be
 * liberal (extra SP, URI headers, Date, addr-spec faults), the strict policy refuses and the lenient one
 * accepts, counts the deviation and never forwards it.
 */
class Rfc4475InvalidMessagesTest extends Rfc4475Fixtures {

    private static void assertBadRequest(SipParseException e, String field, String warningFragment) {
        assertThat(e.isRequest()).isTrue();
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.field()).isEqualTo(field);
        SipResponse answer = e.response("osprey", "t1");
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.header("Warning")).startsWith("399 osprey \"Bad " + field + ": ").contains(warningFragment);
    }

    private static String encoded(SipRequest r) {
        return new String(SipMessageEncoder.encode(r), StandardCharsets.UTF_8);
    }

    @Test
    void s3_1_2_1_badinv01_extraneousHeaderFieldSeparators() {
        assertBadRequest(rejected(lenient, "badinv01"), "Via", "parameter");
    }

    @Test
    void s3_1_2_2_clerr_contentLengthLargerThanMessage() {
        SipParseException e = rejected(lenient, "clerr");

        assertBadRequest(e, "Content-Length", "larger than");
        assertThat(e.value()).isEqualTo("9999");
        assertThat(e.limit()).isEqualTo(154);
        assertThat(overStream("clerr")).as("on a stream it waits for more data").isEmpty();
    }

    @Test
    void s3_1_2_3_ncl_negativeContentLength() {
        assertBadRequest(rejected(lenient, "ncl"), "Content-Length", "negative value");
        assertThat(overStream("ncl")).singleElement()
                .satisfies(o -> assertThat(((SipDecodeError) o).fatal()).isTrue());
    }

    @Test
    void s3_1_2_4_scalar02_requestScalarFieldsWithOverlargeValues() {
        SipParseException e = rejected(lenient, "scalar02");

        assertBadRequest(e, "CSeq", "sequence number too large");
        assertThat(e.limit()).isEqualTo(2147483647L);
    }

    @Test
    void s3_1_2_5_scalarlg_responseScalarFieldsWithOverlargeValues() {
        SipParseException e = rejected(lenient, "scalarlg");

        assertThat(e.isRequest()).isFalse();
        assertThat(e.response("osprey", "t")).isNull();
    }

    @Test
    void s3_1_2_6_quotbal_unterminatedQuotedStringInDisplayName() {
        assertBadRequest(rejected(lenient, "quotbal"), "To", "unterminated quoted string");
    }

    @Test
    void s3_1_2_7_ltgtruri_angleBracketsEnclosingRequestUri() {
        assertBadRequest(rejected(lenient, "ltgtruri"), "Request-URI", "scheme");
    }

    @Test
    void s3_1_2_8_lwsruri_malformedRequestUriWithEmbeddedLws() {
        assertBadRequest(rejected(lenient, "lwsruri"), "Request-URI", "whitespace");
    }

    @Test
    void s3_1_2_9_lwsstart_multipleSpSeparatingRequestLineElements() {
        assertBadRequest(rejected(strict, "lwsstart"), "Request-Line", "more than one SP");

        SipRequest r = validRequest("lwsstart");
        assertThat(counters.count(SipCompliance.MULTIPLE_SP_IN_START_LINE)).isPositive();
        assertThat(r.requestUri().toString()).isEqualTo("sip:user@example.com");
        assertThat(encoded(r)).startsWith("INVITE sip:user@example.com SIP/2.0\r\n");
    }

    @Test
    void s3_1_2_10_trws_spCharactersAtEndOfRequestLine() {
        assertBadRequest(rejected(strict, "trws"), "Request-Line", "SP after the SIP version");

        SipRequest r = validRequest("trws");
        assertThat(counters.count(SipCompliance.TRAILING_SP_IN_START_LINE)).isPositive();
        assertThat(encoded(r)).startsWith("OPTIONS sip:remote-target@example.com SIP/2.0\r\n");
    }

    @Test
    void s3_1_2_11_escruri_escapedHeadersInSipRequestUri() {
        assertBadRequest(rejected(strict, "escruri"), "Request-URI", "headers are not allowed");

        SipRequest r = validRequest("escruri");
        assertThat(counters.count(SipCompliance.HEADERS_IN_REQUEST_URI)).isPositive();
        assertThat(((SipUri) r.requestUri()).headers().isEmpty()).isTrue();
        assertThat(r.routes()).as("never acted on").isEmpty();
        assertThat(encoded(r)).startsWith("INVITE sip:user@example.com SIP/2.0\r\n").doesNotContain("Route");
    }

    @Test
    void s3_1_2_12_baddate_invalidTimeZoneInDateHeaderField() {
        SipRequest r = validRequest("baddate");
        SipRequestValidator strictUas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .compliance(CompliancePolicy.STRICT, new ComplianceCounters()).build();
        SipRequestValidator lenientUas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .compliance(CompliancePolicy.LENIENT, counters).build();

        assertThat(strictUas.validate(r)).hasValueSatisfying(j -> {
            assertThat(j.statusCode()).isEqualTo(400);
            assertThat(j.warningText()).contains("Date");
        });
        assertThat(lenientUas.validate(r)).isEmpty();
        assertThat(counters.count(SipCompliance.NON_GMT_DATE)).isEqualTo(1);
    }

    @Test
    void s3_1_2_13_regbadct_failureToEncloseNameAddrUriInBrackets() {
        SipRequest r = validRequest("regbadct");
        SipRequestValidator strictRegistrar = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .compliance(CompliancePolicy.STRICT, new ComplianceCounters()).build();
        SipRequestValidator lenientRegistrar = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .compliance(CompliancePolicy.LENIENT, counters).build();

        assertThat(strictRegistrar.validate(r)).hasValueSatisfying(j -> {
            assertThat(j.statusCode()).isEqualTo(400);
            assertThat(j.warningText()).isEqualTo("Bad Contact: URI with headers must be enclosed in <>");
        });
        assertThat(lenientRegistrar.validate(r)).isEmpty();
        assertThat(counters.count(SipCompliance.URI_HEADERS_WITHOUT_ANGLE_BRACKETS)).isEqualTo(1);
        assertThat(((SipUri) r.contacts().get(0).uri()).header("Route")).isEqualTo("<sip:sip.example.com>");
    }

    @Test
    void s3_1_2_14_badaspec_spacesWithinAddrSpec() {
        assertBadRequest(rejected(strict, "badaspec"), "To", "whitespace inside <>");

        SipRequest r = validRequest("badaspec");
        assertThat(counters.count(SipCompliance.SPACES_IN_ADDR_SPEC)).isPositive();
        assertThat(r.to().uri().toString()).isEqualTo("sip:t.watson@example.org");
        assertThat(encoded(r)).contains("\r\nTo: \"Watson, Thomas\" <sip:t.watson@example.org>\r\n")
                .doesNotContain("< sip");
    }

    @Test
    void s3_1_2_15_baddn_nonTokenCharactersInDisplayName() {
        assertBadRequest(rejected(lenient, "baddn"), "From", "must be quoted");
    }

    @Test
    void s3_1_2_16_badvers_unknownProtocolVersion() {
        SipParseException e = rejected(lenient, "badvers");

        assertThat(e.statusCode()).isEqualTo(505);
        assertThat(e.isRequest()).isTrue();
        assertThat(e.response("osprey", "t").reasonPhrase()).isEqualTo("Version Not Supported");
    }

    @Test
    void s3_1_2_17_mismatch01_startLineAndCseqMethodMismatch() {
        SipRequest r = validRequest("mismatch01");

        for (SipRequestValidator v : new SipRequestValidator[] {uas(), proxy()}) {
            assertThat(v.validate(r)).hasValueSatisfying(j -> {
                assertThat(j.statusCode()).isEqualTo(400);
                assertThat(j.warningText()).contains("CSeq method INVITE");
            });
        }
    }

    @Test
    void s3_1_2_18_mismatch02_unknownMethodWithCseqMethodMismatch() {
        SipRequest r = validRequest("mismatch02");
        SipRequestValidator uas = SipRequestValidator.builder(SipRequestValidator.Role.UAS)
                .methods(java.util.Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS")).build();

        Optional<SipRejection> rejection = uas.validate(r);

        assertThat(rejection).as("the mismatch wins over 501").hasValueSatisfying(j -> assertThat(j.statusCode()).isEqualTo(400));
        assertThat(rejection.get().toResponse(r, "osprey", "t").header("Warning")).contains("NEWMETHOD");
    }

    @Test
    void s3_1_2_19_bigcode_overlargeResponseCode() {
        SipParseException e = rejected(lenient, "bigcode");

        assertThat(e.isRequest()).isFalse();
        assertThat(e.field()).isEqualTo("Status-Line");
    }
}
