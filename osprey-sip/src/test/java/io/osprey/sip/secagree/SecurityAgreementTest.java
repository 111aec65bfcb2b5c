package io.osprey.sip.secagree;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SecurityAgreementTest {

    private static List<SecurityMechanism> parse(String value) {
        return SecurityMechanisms.parse(value);
    }

    @Test
    void picksTheHighestQServerMechanismTheClientOffered() {
        List<SecurityMechanism> client = parse("ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;spi-c=1111;spi-s=2222;"
                + "port-c=5062;port-s=5064, ipsec-3gpp;alg=hmac-md5-96;ealg=null;spi-c=1111;spi-s=2222;"
                + "port-c=5062;port-s=5064, tls");
        List<SecurityMechanism> server = parse("ipsec-3gpp;q=0.1;alg=hmac-md5-96;ealg=null;spi-c=3333;spi-s=4444;"
                + "port-c=5066;port-s=5068, ipsec-3gpp;q=0.5;alg=hmac-sha-1-96;ealg=null;spi-c=3333;spi-s=4444;"
                + "port-c=5066;port-s=5068, digest;q=0.9");

        SecurityMechanism chosen = SecurityAgreement.select(client, server).orElseThrow();

        // digest has the highest q but the client did not offer it
        assertThat(chosen.alg()).isEqualTo("hmac-sha-1-96");
        assertThat(chosen.spiC()).isEqualTo(3333);
        assertThat(chosen).isSameAs(server.get(1));
    }

    @Test
    void ipsecMatchesOnAlgorithmsWithAnnexHDefaults() {
        List<SecurityMechanism> client = parse("ipsec-3gpp;alg=HMAC-SHA-1-96;spi-c=1;spi-s=2;port-c=5062;port-s=5064");

        assertThat(SecurityAgreement.select(client,
                parse("ipsec-3gpp;alg=hmac-sha-1-96;ealg=null;prot=esp;mod=trans;spi-c=3;spi-s=4;port-c=5066;"
                        + "port-s=5068"))).isPresent();
        assertThat(SecurityAgreement.select(client,
                parse("ipsec-3gpp;alg=hmac-sha-1-96;ealg=aes-cbc;spi-c=3;spi-s=4;port-c=5066;port-s=5068")))
                .isEmpty();
        assertThat(SecurityAgreement.select(client,
                parse("ipsec-3gpp;alg=hmac-md5-96;spi-c=3;spi-s=4;port-c=5066;port-s=5068"))).isEmpty();
        assertThat(SecurityAgreement.select(client,
                parse("ipsec-3gpp;alg=hmac-sha-1-96;mod=tun;spi-c=3;spi-s=4;port-c=5066;port-s=5068"))).isEmpty();
    }

    @Test
    void equalPreferencesKeepServerOrderAndAbsentQRanksLowest() {
        List<SecurityMechanism> client = parse("tls, digest, ipsec-ike");

        assertThat(SecurityAgreement.select(client, parse("digest;q=0.5, tls;q=0.5")).orElseThrow().name())
                .isEqualTo("digest");
        assertThat(SecurityAgreement.select(client, parse("ipsec-ike, tls;q=0.001")).orElseThrow().name())
                .isEqualTo("tls");
        assertThat(SecurityAgreement.select(client, parse("ipsec-ike, digest")).orElseThrow().name())
                .isEqualTo("ipsec-ike");
        assertThat(SecurityAgreement.select(client, parse("ipsec-man;q=1"))).isEmpty();
        assertThat(SecurityAgreement.select(List.of(), parse("tls"))).isEmpty();
    }

    @Test
    void verifyDetectsBiddingDown() {
        List<SecurityMechanism> sent = parse("ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=3333;spi-s=4444;port-c=5066;"
                + "port-s=5068, tls;q=0.2");

        assertThat(SecurityAgreement.verify(sent, parse("TLS;Q=0.200, ipsec-3gpp;alg=\"HMAC-SHA-1-96\";q=0.1;"
                + "spi-s=4444;spi-c=3333;port-c=5066;port-s=5068"))).isTrue();
        assertThat(SecurityAgreement.verify(sent, parse("tls;q=0.2"))).isFalse();
        assertThat(SecurityAgreement.verify(sent, parse("tls;q=0.2, ipsec-3gpp;q=0.1;alg=hmac-md5-96;spi-c=3333;"
                + "spi-s=4444;port-c=5066;port-s=5068"))).isFalse();
        assertThat(SecurityAgreement.verify(sent, parse("tls;q=0.2, tls;q=0.2"))).isFalse();
        assertThat(SecurityAgreement.verify(sent, parse("tls;q=0.2, ipsec-3gpp;q=0.1;alg=hmac-sha-1-96;spi-c=3333;"
                + "spi-s=4444;port-c=5066;port-s=5068;extra"))).isFalse();
    }
}
