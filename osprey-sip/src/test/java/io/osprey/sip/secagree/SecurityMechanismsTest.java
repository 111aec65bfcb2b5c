package io.osprey.sip.secagree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipUri;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecurityMechanismsTest {

    /** A UE's Security-Client in the style of TS 33.203 §7.2: two algorithm choices for the same SAs. */
    private static final String UE_CLIENT = "ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=1111;spi-s=2222;"
            + "port-c=5062;port-s=5064, ipsec-3gpp; alg=hmac-md5-96; ealg=aes-cbc; spi-c=1111; spi-s=2222;"
            + " port-c=5062; port-s=5064; prot=esp; mod=trans";

    @Test
    void parsesTs33203ClientValues() {
        List<SecurityMechanism> list = SecurityMechanisms.parse(UE_CLIENT);

        assertThat(list).hasSize(2);
        SecurityMechanism first = list.get(0);
        assertThat(first.name()).isEqualTo("ipsec-3gpp");
        assertThat(first.is(SecurityMechanism.IPSEC_3GPP)).isTrue();
        assertThat(first.alg()).isEqualTo("hmac-sha-1-96");
        assertThat(first.ealg()).isEqualTo("null");
        assertThat(first.spiC()).isEqualTo(1111);
        assertThat(first.spiS()).isEqualTo(2222);
        assertThat(first.portC()).isEqualTo(5062);
        assertThat(first.portS()).isEqualTo(5064);
        assertThat(first.prot()).isNull();
        assertThat(first.preference()).isZero();
        SecurityMechanism second = list.get(1);
        assertThat(second.alg()).isEqualTo("hmac-md5-96");
        assertThat(second.ealg()).isEqualTo("aes-cbc");
        assertThat(second.prot()).isEqualTo("esp");
        assertThat(second.mod()).isEqualTo("trans");
    }

    @Test
    void namesAreCaseInsensitiveAndValuesMayBeQuoted() {
        SecurityMechanism m = SecurityMechanisms.parse("Security-Verify",
                "IPSEC-3GPP ; Q = 0.5 ; ALG = \"hmac-sha-1-96\" ; SPI-C=\"4294967295\";d-ver=\"a,b\"").get(0);

        assertThat(m.is("ipsec-3gpp")).isTrue();
        assertThat(m.preference()).isEqualTo(500);
        assertThat(m.alg()).isEqualTo("hmac-sha-1-96");
        assertThat(m.spiC()).isEqualTo(4294967295L);
        assertThat(m.param("d-ver")).isEqualTo("a,b");
        assertThat(m.params().get("alg")).isEqualTo("\"hmac-sha-1-96\"");
        assertThat(SecurityMechanisms.parse("tls;q=\"0.7\"").get(0).preference()).isEqualTo(700);
    }

    @Test
    void parsesRfc3329StyleMechanisms() {
        List<SecurityMechanism> list = SecurityMechanisms.parse(
                "tls;q=0.2, digest;d-alg=md5;d-qop=auth-int;q=0.1,ipsec-ike;q=1");

        assertThat(list).extracting(SecurityMechanism::name).containsExactly("tls", "digest", "ipsec-ike");
        assertThat(list).extracting(SecurityMechanism::preference).containsExactly(200, 100, 1000);
        assertThat(list.get(1).param("d-qop")).isEqualTo("auth-int");
    }

    @Test
    void formatsAndRoundTrips() {
        List<SecurityMechanism> list = List.of(
                SecurityMechanism.ipsec3gpp("hmac-sha-1-96", "null", 1111, 2222, 5062, 5064),
                SecurityMechanism.ipsec3gpp("hmac-sha-1-96", null, 3333, 4444, 5066, 5068).withParam("q", "0.1"),
                SecurityMechanism.of("tls"));

        String value = SecurityMechanisms.format(list);

        assertThat(value).isEqualTo("ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=1111;spi-s=2222;port-c=5062;"
                + "port-s=5064, ipsec-3gpp;alg=hmac-sha-1-96;spi-c=3333;spi-s=4444;port-c=5066;port-s=5068;q=0.1, tls");
        assertThat(SecurityMechanisms.parse(value)).isEqualTo(list);
    }

    @Test
    void readsEveryHeaderLineOfAMessage() {
        SipRequest register = SipRequest.builder("REGISTER", SipUri.parse("sip:ims.example.net"))
                .add("Via", "SIP/2.0/UDP 192.0.2.1:5062;branch=z9hG4bK1")
                .add("From", "<sip:u@ims.example.net>;tag=1")
                .add("To", "<sip:u@ims.example.net>")
                .add("Call-ID", "c1")
                .add("CSeq", "1 REGISTER")
                .add("Security-Client", "ipsec-3gpp;alg=hmac-sha-1-96;spi-c=1;spi-s=2;port-c=5062;port-s=5064")
                .add("Security-Client", "tls;q=0.1, digest")
                .build();

        List<SecurityMechanism> list = SecurityMechanisms.from(register, SipHeaderName.SECURITY_CLIENT);

        assertThat(list).extracting(SecurityMechanism::name).containsExactly("ipsec-3gpp", "tls", "digest");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|empty sec-mechanism",
        "ipsec-3gpp,,tls|empty sec-mechanism",
        "ipsec-3gpp;|missing parameter name",
        "ipsec-3gpp;alg=|missing value of alg",
        "ipsec-3gpp;alg=\"x|unterminated quoted value",
        "ipsec-3gpp alg=x|unexpected 'a'",
        "ipsec-3gpp;q=1.5|q must be a qvalue",
        "ipsec-3gpp;q=0.1234|q must be a qvalue",
        "ipsec-3gpp;q|q must be a qvalue",
        "ipsec-3gpp;spi-c=4294967296|spi-c must be a 32-bit unsigned integer",
        "ipsec-3gpp;spi-s=-1|spi-s must be a 32-bit unsigned integer",
        "ipsec-3gpp;port-c=0|port-c must be a port",
        "ipsec-3gpp;port-s=65536|port-s must be a port",
        "ipsec-3gpp;alg=a;ALG=b|parameter ALG appears twice",
        "ipsec-3gpp;x=[zz]|malformed IPv6 reference",
        "ipsec 3gpp|unexpected '3'",
    })
    void refusesMalformedValues(String value, String reason) {
        SipSyntaxException e = catchThrowableOfType(SipSyntaxException.class,
                () -> SecurityMechanisms.parse("Security-Server", value));

        assertThat(e.field()).isEqualTo("Security-Server");
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void qvalueGrammar() {
        assertThat(SecurityMechanism.qvalue("0")).isZero();
        assertThat(SecurityMechanism.qvalue("0.")).isZero();
        assertThat(SecurityMechanism.qvalue("0.001")).isEqualTo(1);
        assertThat(SecurityMechanism.qvalue("0.75")).isEqualTo(750);
        assertThat(SecurityMechanism.qvalue("1")).isEqualTo(1000);
        assertThat(SecurityMechanism.qvalue("1.000")).isEqualTo(1000);
        assertThat(SecurityMechanism.qvalue("1.001")).isEqualTo(-1);
        assertThat(SecurityMechanism.qvalue("2")).isEqualTo(-1);
        assertThat(SecurityMechanism.qvalue(".5")).isEqualTo(-1);
        assertThat(SecurityMechanism.qvalue("0,5")).isEqualTo(-1);
    }

    @Test
    void enforcesLimits() {
        SecurityHeaderLimits limits = new SecurityHeaderLimits(200, 2, 3);

        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> SecurityMechanisms.parse("Security-Client", List.of("tls, tls, tls"), limits)).limit())
                .isEqualTo(2);
        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> SecurityMechanisms.parse("Security-Client", List.of("tls;a;b;c;d"), limits)).limit())
                .isEqualTo(3);
        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> SecurityMechanisms.parse("Security-Client", List.of("tls;a=" + "x".repeat(200)), limits))
                .limit()).isEqualTo(200);
        assertThatThrownBy(() -> SecurityMechanisms.parse("Security-Client", List.of("tls", "tls", "tls"), limits))
                .isInstanceOf(SipSyntaxException.class).hasMessageContaining("too many mechanisms");
    }

    @Test
    void modelChecksProgrammaticValues() {
        assertThatThrownBy(() -> SecurityMechanism.ipsec3gpp("hmac-sha-1-96", null, 1, 2, 0, 5064))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("port-c");
        assertThatThrownBy(() -> new SecurityMechanism("bad name", Parameters.EMPTY))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityMechanism.of("tls").withParam("x", "a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecurityMechanisms.format(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(SecurityMechanism.of("tls").withParam("q", "0.3").withoutParam("Q").params().isEmpty()).isTrue();
    }
}
