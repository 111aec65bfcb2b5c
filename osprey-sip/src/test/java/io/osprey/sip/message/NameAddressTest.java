package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.sip.uri.AbsoluteUri;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.SyntaxLimits;
import io.osprey.sip.uri.TelUri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameAddressTest {

    @Test
    void quotedDisplayNameWithEscapes() {
        NameAddress na = NameAddress.parse("\"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com> ; tag = 98asjd8");

        assertThat(na.displayName()).isEqualTo("J Rosenberg \\\"");
        assertThat(((SipUri) na.uri()).user()).isEqualTo("jdrosen");
        assertThat(na.tag()).isEqualTo("98asjd8");
    }

    @Test
    void tokenDisplayNameWithoutSpaceBeforeBracket() {
        NameAddress na = NameAddress.parse("caller<sip:caller@example.com>;tag=323");

        assertThat(na.displayName()).isEqualTo("caller");
        assertThat(na.uri().toString()).isEqualTo("sip:caller@example.com");
        assertThat(na.tag()).isEqualTo("323");
    }

    @Test
    void addrSpecParametersBelongToTheHeader() {
        // RFC 4475 §3.3.12: without <>, ;unknownparam is a Contact parameter.
        NameAddress na = NameAddress.parse("sip:+19725552222@gw1.example.net;unknownparam");

        assertThat(((SipUri) na.uri()).params().isEmpty()).isTrue();
        assertThat(na.params().has("unknownparam")).isTrue();
        assertThat(na.displayName()).isNull();
    }

    @Test
    void bracketedParametersBelongToTheUri() {
        // RFC 4475 §3.3.13: inside <>, ;unknownparam is a URI parameter.
        NameAddress na = NameAddress.parse("<sip:+19725552222@gw1.example.net;unknownparam>");

        assertThat(((SipUri) na.uri()).hasParam("unknownparam")).isTrue();
        assertThat(na.params().isEmpty()).isTrue();
    }

    @Test
    void quotedParameterValuesAreUnquotedOnRead() {
        NameAddress na = NameAddress.parse("<sip:ue@192.0.2.50:5100>;+sip.instance=\"<urn:gsma:imei:35209900-176148-0>\";expires=600");

        assertThat(na.param("+sip.instance")).isEqualTo("<urn:gsma:imei:35209900-176148-0>");
        assertThat(na.params().get("+sip.instance")).isEqualTo("\"<urn:gsma:imei:35209900-176148-0>\"");
        assertThat(na.param("expires")).isEqualTo("600");
    }

    @Test
    void otherSchemes() {
        assertThat(NameAddress.parse("isbn:2983792873").uri()).isInstanceOf(AbsoluteUri.class);
        assertThat(NameAddress.parse("<tel:+15551230002>").uri()).isInstanceOf(TelUri.class);
        assertThat(NameAddress.parse("<http://www.example.com>;tag=3234233").tag()).isEqualTo("3234233");
    }

    @Test
    void spacesInsideBracketsAreRepairedAndReported() {
        NameAddress na = NameAddress.parse("\"Watson, Thomas\" < sip:t.watson@example.org >");

        assertThat(na.repairs()).containsExactly(NameAddress.Repair.SPACES_IN_ADDR_SPEC);
        assertThat(na.uri().toString()).isEqualTo("sip:t.watson@example.org");
        assertThat(na.toString()).isEqualTo("\"Watson, Thomas\" <sip:t.watson@example.org>");
    }

    @Test
    void uriHeadersWithoutBracketsAreRepairedAndReported() {
        NameAddress na = NameAddress.parse("sip:user@example.com?Route=%3Csip:sip.example.com%3E");

        assertThat(na.repairs()).containsExactly(NameAddress.Repair.URI_HEADERS_WITHOUT_ANGLE_BRACKETS);
        assertThat(((SipUri) na.uri()).header("Route")).isEqualTo("<sip:sip.example.com>");
        assertThat(na.toString()).isEqualTo("<sip:user@example.com?Route=%3Csip:sip.example.com%3E>");
    }

    @Test
    void wellFormedValuesKeepTheirText() {
        String text = "\"A. G. Bell\" <sip:agb@bell-telephone.com> ;tag=a48s";

        assertThat(NameAddress.parse(text).toString()).isEqualTo(text);
        assertThat(NameAddress.parse(text).repairs()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"Mr. J. User <sip:j.user@example.com>",
        "Bell, Alexander <sip:a.g.bell@example.com>;tag=43",
        "\"Joe\" <sip:joe@example.org>;;;;",
        "<sip:joe@example.org",
        "\"Joe\" sip:joe@example.org",
        "<sip:joe@example.org>;tag=",
        "<sip:joe@example.org> junk",
        "sip:joe @example.org"})
    void rejectsMalformedValues(String value) {
        assertThatThrownBy(() -> NameAddress.parse("To", value, SyntaxLimits.DEFAULTS))
                .isInstanceOfSatisfying(SipSyntaxException.class, e -> assertThat(e.field()).isEqualTo("To"));
    }

    @Test
    void withTagAndParams() {
        NameAddress na = NameAddress.of(SipUri.parse("sip:bob@biloxi.example.com"));

        assertThat(na.toString()).isEqualTo("<sip:bob@biloxi.example.com>");
        assertThat(na.withTag("a6c85cf").toString()).isEqualTo("<sip:bob@biloxi.example.com>;tag=a6c85cf");
        assertThat(na.withDisplayName("Bob \"B\"").toString()).isEqualTo("\"Bob \\\"B\\\"\" <sip:bob@biloxi.example.com>");
        assertThat(na.withParam("q", "0.5").withoutParam("q")).isEqualTo(na);
        assertThatThrownBy(() -> na.withParam("q", "a b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paramLimit() {
        assertThatThrownBy(() -> NameAddress.parse("From", "<sip:a@b>;p1;p2;p3", new SyntaxLimits(64, 2)))
                .isInstanceOfSatisfying(SipSyntaxException.class, e -> assertThat(e.limit()).isEqualTo(2));
    }
}
