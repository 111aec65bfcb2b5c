package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ViaTest {

    @Test
    void parsesAllParts() {
        Via via = Via.parse("SIP/2.0/UDP 192.0.2.1:5070;branch=z9hG4bK776asdhds;received=192.0.2.9;rport=5071;ttl=16;maddr=224.2.0.1");

        assertThat(via.protocol()).isEqualTo("SIP/2.0");
        assertThat(via.transport()).isEqualTo("UDP");
        assertThat(via.host()).isEqualTo("192.0.2.1");
        assertThat(via.port()).isEqualTo(5070);
        assertThat(via.branch()).isEqualTo(new Branch("z9hG4bK776asdhds"));
        assertThat(via.branch().isRfc3261()).isTrue();
        assertThat(via.received()).isEqualTo("192.0.2.9");
        assertThat(via.hasRport()).isTrue();
        assertThat(via.rport()).isEqualTo(5071);
        assertThat(via.ttl()).isEqualTo(16);
        assertThat(via.maddr()).isEqualTo("224.2.0.1");
    }

    @Test
    void toleratesLinearWhitespaceEverywhereTheGrammarAllows() {
        Via via = Via.parse("SIP  /   2.0  /UDP     192.0.2.2 ; branch = 390skdjuw");

        assertThat(via.transport()).isEqualTo("UDP");
        assertThat(via.host()).isEqualTo("192.0.2.2");
        assertThat(via.branch().value()).isEqualTo("390skdjuw");
        assertThat(via.branch().isRfc3261()).isFalse();
    }

    @Test
    void ipv6SentByAndUnbracketedReceived() {
        Via via = Via.parse("SIP/2.0/TCP [2001:db8::9:1]:5060;branch=z9hG4bKas3-111;received=2001:db8::9:255");

        assertThat(via.host()).isEqualTo("[2001:db8::9:1]");
        assertThat(via.port()).isEqualTo(5060);
        assertThat(via.received()).isEqualTo("2001:db8::9:255");
    }

    @Test
    void branchWithoutCookieOrCookieAloneIsNotRfc3261() {
        assertThat(Via.parse("SIP/2.0/UDP 192.0.2.1;branch=z9hG4bK").branch().isRfc3261()).isFalse();
        assertThat(Via.parse("SIP/2.0/UDP iftgw.example.com").branch()).isNull();
        assertThat(Branch.MAGIC_COOKIE).isEqualTo("z9hG4bK");
    }

    @Test
    void rportWithoutValue() {
        Via via = Via.parse("SIP/2.0/UDP 10.0.0.1;rport;branch=z9hG4bKx");

        assertThat(via.hasRport()).isTrue();
        assertThat(via.rport()).isEqualTo(-1);
        Via answered = via.withReceived("192.0.2.77").withRport(41000);
        assertThat(answered.toString()).isEqualTo("SIP/2.0/UDP 10.0.0.1;rport=41000;branch=z9hG4bKx;received=192.0.2.77");
        assertThat(Via.parse(answered.toString()).rport()).isEqualTo(41000);
    }

    @Test
    void factoryMakesCanonicalValue() {
        Via via = Via.of("TCP", "pcscf.example.net", 5060, "z9hG4bK-1");

        assertThat(via.toString()).isEqualTo("SIP/2.0/TCP pcscf.example.net:5060;branch=z9hG4bK-1");
        assertThat(Via.of("UDP", "[::1]", -1, "z9hG4bK-2").port()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SIP/2.0/UDP 192.0.2.15;;", "SIP/2.0/UDP", "SIP/2.0 192.0.2.1", "SIP/2.0/UDP192.0.2.1",
        "SIP/2.0/UDP 192.0.2.1:99999", "SIP/2.0/UDP 192.0.2.1;branch=", "SIP/2.0/UDP 192.0.2.1;ttl=256",
        "SIP/2.0/UDP 192.0.2.1;rport=x", "SIP/2.0/UDP [::1;branch=z9hG4bKx", "SIP/2.0/UDP host junk"})
    void rejectsMalformedVias(String value) {
        assertThatThrownBy(() -> Via.parse(value))
                .isInstanceOfSatisfying(SipSyntaxException.class, e -> assertThat(e.field()).isEqualTo("Via"));
    }
}
