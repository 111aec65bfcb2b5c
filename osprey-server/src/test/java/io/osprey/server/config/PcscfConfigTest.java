package io.osprey.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The {@code pcscf} section: TLS and security agreement keys, their defaults and their errors. */
class PcscfConfigTest {

    private final ConfigLoader loader = new ConfigLoader();

    @Test
    void defaultsListenOnTlsAndLeaveSecurityAgreementOff() {
        PcscfConfig pcscf = loader.parse("").pcscf();

        assertThat(pcscf.tlsPort()).isEqualTo(5061);
        assertThat(pcscf.tlsKeyStore()).isEqualTo(Path.of("data", "tls", "osprey-dev.p12"));
        assertThat(pcscf.secAgree()).isEmpty();
        assertThat(pcscf.secAgreeSettings().enabled()).isFalse();
    }

    @Test
    void mechanismsAreReadInOrderAndTlsCanBeTurnedOff() {
        PcscfConfig pcscf = loader.parse("""
                pcscf:
                  tls-port: 0
                  sec-agree: [IPsec-3GPP, digest]
                  ipsec-port-c: 6100
                  ipsec-port-s: 6101
                """).pcscf();

        assertThat(pcscf.tlsPort()).isZero();
        assertThat(pcscf.secAgreeSettings().mechanisms()).containsExactly("ipsec-3gpp", "digest");
        assertThat(pcscf.secAgreeSettings().protectedClientPort()).isEqualTo(6100);
        assertThat(pcscf.secAgreeSettings().protectedServerPort()).isEqualTo(6101);
    }

    @Test
    void anUnknownMechanismIsRefusedWithItsPathAndTheKnownOnes() {
        assertThatThrownBy(() -> loader.parse("pcscf:\n  sec-agree: [digest, ipsec-ike]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pcscf.sec-agree[1]: 'ipsec-ike'")
                .hasMessageContaining("digest, tls, ipsec-3gpp");
    }

    @Test
    void theTlsPortMustDifferFromTheUdpAndTcpPort() {
        assertThatThrownBy(() -> loader.parse("pcscf:\n  port: 5080\n  tls-port: 5080\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pcscf.tls-port:");
    }

    @Test
    void outboundTlsVerifiesServersUnlessTurnedOffAndNamesAMissingTrustStore(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        assertThat(loader.parse("").pcscf().tlsTrust()).isEqualTo(io.osprey.sip.transport.TlsTrust.DEFAULT);
        assertThat(loader.parse("pcscf:\n  tls-verify-peers: false\n").pcscf().tlsTrust())
                .isEqualTo(io.osprey.sip.transport.TlsTrust.NONE);

        Path store = java.nio.file.Files.writeString(dir.resolve("trust.p12"), "x");
        PcscfConfig withStore = loader.parse("pcscf:\n  tls-trust-store: " + store
                + "\n  tls-trust-store-password: s3cret\n").pcscf();
        assertThat(withStore.tlsTrust().trustStore()).isEqualTo(store);
        assertThat(withStore.toString()).doesNotContain("s3cret").contains("<redacted>");

        assertThatThrownBy(() -> loader.parse("pcscf:\n  tls-trust-store: " + dir.resolve("missing.p12") + "\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pcscf.tls-trust-store:")
                .hasMessageContaining("not a readable file");
        assertThatThrownBy(() -> loader.parse("pcscf:\n  tls-trust-store-password: x\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("pcscf.tls-trust-store-password:");
    }
}
