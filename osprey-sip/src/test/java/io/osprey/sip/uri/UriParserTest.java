package io.osprey.sip.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriParserTest {

    @Test
    void sipUriWithEveryPart() {
        SipUri uri = (SipUri) UriParser.parse("sip:alice:secret@atlanta.example.com:5070;transport=tcp;lr?subject=project%20x&priority=urgent");

        assertThat(uri.scheme()).isEqualTo("sip");
        assertThat(uri.user()).isEqualTo("alice");
        assertThat(uri.password()).isEqualTo("secret");
        assertThat(uri.host()).isEqualTo("atlanta.example.com");
        assertThat(uri.port()).isEqualTo(5070);
        assertThat(uri.transportParam()).isEqualTo("tcp");
        assertThat(uri.lr()).isTrue();
        assertThat(uri.params().size()).isEqualTo(2);
        assertThat(uri.header("subject")).isEqualTo("project x");
        assertThat(uri.headers().get("priority")).isEqualTo("urgent");
    }

    @Test
    void sipsSchemeIsCaseInsensitiveAndDefaultsPort5061() {
        SipUri uri = (SipUri) UriParser.parse("SIPS:bob@biloxi.example.com");

        assertThat(uri.isSecure()).isTrue();
        assertThat(uri.scheme()).isEqualTo("sips");
        assertThat(uri.port()).isEqualTo(-1);
        assertThat(uri.portOrDefault()).isEqualTo(5061);
        assertThat(uri.toString()).isEqualTo("SIPS:bob@biloxi.example.com");
    }

    @Test
    void ipv6HostKeepsBrackets() {
        SipUri uri = SipUri.parse("sip:+15551230001@[2001:db8::1]:5100;transport=udp");

        assertThat(uri.host()).isEqualTo("[2001:db8::1]");
        assertThat(uri.port()).isEqualTo(5100);
        assertThat(uri.user()).isEqualTo("+15551230001");
    }

    @Test
    void userPartMayHoldSemicolonAndEscapedAt() {
        // RFC 4475 §3.1.1.9: the ';' belongs to the user part, not to URI parameters.
        SipUri uri = SipUri.parse("sip:user;par=u%40example.net@example.com");

        assertThat(uri.rawUser()).isEqualTo("user;par=u%40example.net");
        assertThat(uri.user()).isEqualTo("user;par=u@example.net");
        assertThat(uri.host()).isEqualTo("example.com");
        assertThat(uri.params().isEmpty()).isTrue();
    }

    @Test
    void escapedNullsStayInTheUserPart() {
        SipUri one = SipUri.parse("sip:%00@host5.example.com");
        SipUri two = SipUri.parse("sip:%00%00@host5.example.com");

        assertThat(one.user()).isEqualTo("\0");
        assertThat(two.user()).isEqualTo("\0\0");
        assertThat(one.equivalent(two)).isFalse();
    }

    @Test
    void paramValueUnescapes() {
        SipUri uri = SipUri.parse("sip:cal%6Cer@host5.example.net;%6C%72;n%61me=v%61lue%25%34%31");

        assertThat(uri.user()).isEqualTo("caller");
        assertThat(uri.params().name(0)).isEqualTo("%6C%72");
        assertThat(uri.param("n%61me")).isEqualTo("value%41");
    }

    @Test
    void telUriGlobalAndLocal() {
        TelUri global = (TelUri) UriParser.parse("tel:+1-201-555-0123;ext=1234");
        TelUri local = (TelUri) UriParser.parse("tel:7042;phone-context=example.com");

        assertThat(global.isGlobal()).isTrue();
        assertThat(global.number()).isEqualTo("+1-201-555-0123");
        assertThat(global.digits()).isEqualTo("+12015550123");
        assertThat(global.param("ext")).isEqualTo("1234");
        assertThat(local.isGlobal()).isFalse();
        assertThat(local.phoneContext()).isEqualTo("example.com");
    }

    @Test
    void telUriLocalNumberNeedsPhoneContext() {
        assertThatThrownBy(() -> UriParser.parse("tel:7042"))
                .isInstanceOf(UriSyntaxException.class)
                .satisfies(e -> assertThat(((UriSyntaxException) e).part()).isEqualTo("number"))
                .hasMessageContaining("phone-context");
    }

    @Test
    void otherSchemesAreOpaque() {
        Uri uri = UriParser.parse("soap.beep://192.0.2.103:3002");

        assertThat(uri).isInstanceOf(AbsoluteUri.class);
        assertThat(uri.scheme()).isEqualTo("soap.beep");
        assertThat(((AbsoluteUri) uri).schemeSpecificPart()).isEqualTo("//192.0.2.103:3002");
        assertThat(uri.toString()).isEqualTo("soap.beep://192.0.2.103:3002");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<sip:user@example.com>", "sip:user@example.com; lr", "sip:", "sip:@host", "sip:host:99999",
        "sip:host:", "sip:[::1", "sip:host;=x", "sip:host;a=", "sip:us er@host", "sip:a%4@host", "sip:host?x",
        "tel:+", "tel:+1;p=", "1sip:host", "urn:", "http://x y"})
    void rejectsMalformedUris(String text) {
        assertThatThrownBy(() -> UriParser.parse(text)).isInstanceOf(UriSyntaxException.class);
    }

    @Test
    void lengthLimitNamesTheLimit() {
        String longUri = "sip:" + "a".repeat(100) + "@example.com";

        assertThatThrownBy(() -> UriParser.parse(longUri, new SyntaxLimits(64, 8)))
                .isInstanceOfSatisfying(UriSyntaxException.class, e -> {
                    assertThat(e.part()).isEqualTo("length");
                    assertThat(e.limit()).isEqualTo(64);
                })
                .hasMessageContaining("limit 64");
    }

    @Test
    void paramCountLimit() {
        assertThatThrownBy(() -> UriParser.parse("sip:h;a;b;c;d", new SyntaxLimits(64, 3)))
                .isInstanceOfSatisfying(UriSyntaxException.class, e -> assertThat(e.limit()).isEqualTo(3));
        assertThat(SipUri.parse("sip:h;a;b;c").params().size()).isEqualTo(3);
    }
}
