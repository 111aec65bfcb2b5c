package io.osprey.sip.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SipUriTest {

    /** The equivalent pairs listed in RFC 3261 §19.1.4. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:%61lice@atlanta.com;transport=TCP | sip:alice@AtLanTa.CoM;Transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com;newparam=5",
        "sip:carol@chicago.com | sip:carol@chicago.com;security=on",
        "sip:carol@chicago.com;newparam=5 | sip:carol@chicago.com;security=on",
        "sip:biloxi.com;transport=tcp;method=REGISTER?to=sip:bob%40biloxi.com"
                + " | sip:biloxi.com;method=REGISTER;transport=tcp?to=sip:bob%40biloxi.com",
        "sip:alice@atlanta.com?subject=project%20x&priority=urgent"
                + " | sip:alice@atlanta.com?priority=urgent&subject=project%20x"})
    void rfc3261EquivalentUris(String a, String b) {
        assertThat(SipUri.parse(a).equivalent(SipUri.parse(b))).isTrue();
        assertThat(SipUri.parse(b).equivalent(SipUri.parse(a))).isTrue();
    }

    /** The non-equivalent pairs listed in RFC 3261 §19.1.4. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "SIP:ALICE@AtLanTa.CoM;Transport=udp | sip:alice@AtLanTa.CoM;Transport=UDP",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:5060",
        "sip:bob@biloxi.com | sip:bob@biloxi.com;transport=udp",
        "sip:bob@biloxi.com | sip:bob@biloxi.com:6000;transport=tcp",
        "sip:carol@chicago.com | sip:carol@chicago.com?Subject=next%20meeting",
        "sip:bob@phone21.boxesbybob.com | sip:bob@192.0.2.4",
        "sip:alice@atlanta.com;maddr=10.0.0.1 | sip:alice@atlanta.com",
        "sip:alice@atlanta.com;user=phone | sip:alice@atlanta.com",
        "sip:alice@atlanta.com;ttl=1 | sip:alice@atlanta.com;ttl=2",
        "sips:alice@atlanta.com | sip:alice@atlanta.com"})
    void rfc3261NonEquivalentUris(String a, String b) {
        assertThat(SipUri.parse(a).equivalent(SipUri.parse(b))).isFalse();
        assertThat(SipUri.parse(b).equivalent(SipUri.parse(a))).isFalse();
    }

    @Test
    void parsedTextIsKeptVerbatim() {
        String text = "sip:Bob@Biloxi.example.com;LR;Transport=TCP";

        assertThat(SipUri.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void buildersProduceCanonicalText() {
        SipUri base = SipUri.parse("sip:bob@biloxi.example.com;transport=tcp?subject=x");

        assertThat(base.withParam("lr", null).toString())
                .isEqualTo("sip:bob@biloxi.example.com;transport=tcp;lr?subject=x");
        assertThat(base.withParam("transport", "udp").transportParam()).isEqualTo("udp");
        assertThat(base.withoutParam("transport").toString()).isEqualTo("sip:bob@biloxi.example.com?subject=x");
        assertThat(base.withHost("[2001:db8::5]").withPort(5080).toString())
                .isEqualTo("sip:bob@[2001:db8::5]:5080;transport=tcp?subject=x");
        assertThat(base.withPort(-1).port()).isEqualTo(-1);
        assertThat(base.withoutHeaders().toString()).isEqualTo("sip:bob@biloxi.example.com;transport=tcp");
        assertThat(base.withUser("a b@c").rawUser()).isEqualTo("a%20b%40c");
        assertThat(base.withUser("a b@c").user()).isEqualTo("a b@c");
        assertThat(base.withUser(null).toString()).isEqualTo("sip:biloxi.example.com;transport=tcp?subject=x");
    }

    @Test
    void factoryEscapesUser() {
        SipUri uri = SipUri.of("+1 555", "example.com", 5060);

        assertThat(uri.toString()).isEqualTo("sip:+1%20555@example.com:5060");
        assertThat(uri.user()).isEqualTo("+1 555");
    }

    @Test
    void buildersRejectBadValues() {
        SipUri base = SipUri.parse("sip:example.com");

        assertThatThrownBy(() -> base.withHost("bad host")).isInstanceOf(UriSyntaxException.class);
        assertThatThrownBy(() -> base.withPort(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> base.withParam("a b", null)).isInstanceOf(UriSyntaxException.class);
        assertThatThrownBy(() -> base.withParam("maddr", "")).isInstanceOf(UriSyntaxException.class);
    }
}
