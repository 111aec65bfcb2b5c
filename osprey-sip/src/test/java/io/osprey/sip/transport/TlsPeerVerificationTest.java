package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound SIP over TLS checks the server (RFC 3261 §26.3.1, RFC 5922 §7) as {@link TlsTrust} says: a chain to a
 * trusted certificate naming the address connected to; development certificates only between development nodes.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TlsPeerVerificationTest {

    @TempDir
    Path dir;

    private static TransportConfig tls(int port, Path keyStore, TlsTrust trust) {
        return new TransportConfig("127.0.0.1", 0, 0, port, keyStore, null, TransportConfig.DEFAULT_UDP_MTU_LIMIT, 60,
                trust);
    }

    /** A self-signed certificate that is not a development one, for {@code san}, in a new PKCS#12 store. */
    private Path realCertificate(String name, String san) throws IOException, InterruptedException {
        Path store = dir.resolve(name + ".p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-noprompt",
                "-alias", "osprey", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "30",
                "-dname", "CN=" + name + ", O=Example operator", "-ext", "san=" + san,
                "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", DevCertificate.PASSWORD, "-keypass", DevCertificate.PASSWORD))
                .redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
        return store;
    }

    /** A trust store holding the certificate of {@code keyStore}. */
    private Path trustStoreFor(Path keyStore) throws Exception {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            source.load(in, DevCertificate.PASSWORD.toCharArray());
        }
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("peer", (X509Certificate) source.getCertificate("osprey"));
        Path out = dir.resolve("trust-" + keyStore.getFileName());
        try (var stream = Files.newOutputStream(out)) {
            anchors.store(stream, "trust-pass".toCharArray());
        }
        return out;
    }

    /** Whether {@code client} gets a request across to {@code server} over TLS. */
    private static boolean reaches(LoopbackPeer client, LoopbackPeer server, String callId) throws Exception {
        client.send(SipText.request("OPTIONS", "SIP/2.0/TLS 192.0.2.7:9;branch=z9hG4bK" + callId, callId),
                server.hop(TransportProtocol.TLS));
        for (int i = 0; i < 300 && client.failures().isEmpty() && client.transports.stats()
                .sentCount(TransportProtocol.TLS) == 0; i++) {
            Thread.sleep(10);
        }
        for (int i = 0; i < 300 && client.failures().isEmpty(); i++) {
            if (server.transports.stats().receivedCount(TransportProtocol.TLS) > 0) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    @Test
    void developmentNodesAcceptEachOthersDevelopmentCertificates() throws Exception {
        try (LoopbackPeer bob = LoopbackPeer.start(p -> tls(p, dir.resolve("bob-dev.p12"), null));
             LoopbackPeer alice = LoopbackPeer.start(p -> tls(p, dir.resolve("alice-dev.p12"), null))) {
            assertThat(reaches(alice, bob, "dev-dev")).as("failures: %s", alice.failures()).isTrue();
            assertThat(bob.next().message().callId().value()).isEqualTo("dev-dev");
        }
    }

    @Test
    void aNodeWithARealCertificateRefusesADevelopmentServer() throws Exception {
        Path real = realCertificate("alice", "ip:127.0.0.1");
        try (LoopbackPeer bob = LoopbackPeer.start(p -> tls(p, dir.resolve("bob-dev.p12"), null));
             LoopbackPeer alice = LoopbackPeer.start(p -> tls(p, real, null))) {
            assertThat(reaches(alice, bob, "real-dev")).isFalse();
            assertThat(alice.failures()).isNotEmpty();
            assertThat(bob.transports.stats().receivedCount(TransportProtocol.TLS)).isZero();
        }
    }

    @Test
    void aConfiguredTrustStoreIsTrustedWhenTheCertificateNamesTheAddress() throws Exception {
        Path bobsCertificate = realCertificate("bob", "ip:127.0.0.1");
        Path alicesCertificate = realCertificate("alice", "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.store(trustStoreFor(bobsCertificate), "trust-pass");
        try (LoopbackPeer bob = LoopbackPeer.start(p -> tls(p, bobsCertificate, null));
             LoopbackPeer alice = LoopbackPeer.start(p -> tls(p, alicesCertificate, trust))) {
            assertThat(reaches(alice, bob, "trusted")).as("failures: %s", alice.failures()).isTrue();
        }
    }

    @Test
    void aTrustedCertificateForAnotherNameIsRefused() throws Exception {
        Path bobsCertificate = realCertificate("bob", "dns:bob.example.com");
        Path alicesCertificate = realCertificate("alice", "ip:127.0.0.1");
        TlsTrust trust = TlsTrust.store(trustStoreFor(bobsCertificate), "trust-pass");
        try (LoopbackPeer bob = LoopbackPeer.start(p -> tls(p, bobsCertificate, null));
             LoopbackPeer alice = LoopbackPeer.start(p -> tls(p, alicesCertificate, trust))) {
            assertThat(reaches(alice, bob, "wrong-name")).isFalse();
            assertThat(alice.failures()).isNotEmpty();
        }
    }

    @Test
    void withoutVerificationAnyServerIsAccepted() throws Exception {
        Path bobsCertificate = realCertificate("bob", "dns:bob.example.com");
        Path alicesCertificate = realCertificate("alice", "ip:127.0.0.1");
        try (LoopbackPeer bob = LoopbackPeer.start(p -> tls(p, bobsCertificate, null));
             LoopbackPeer alice = LoopbackPeer.start(p -> tls(p, alicesCertificate, TlsTrust.NONE))) {
            assertThat(reaches(alice, bob, "unchecked")).as("failures: %s", alice.failures()).isTrue();
        }
    }

    @Test
    void theDefaultVerifiesAndTrustsTheNodesOwnCertificate() throws Exception {
        assertThat(new TransportConfig("127.0.0.1", 0, 0, 1, null, null, 1300, 60).tlsTrust())
                .isEqualTo(TlsTrust.DEFAULT);
        assertThat(TlsTrust.DEFAULT.verifyPeers()).isTrue();
        Path shared = realCertificate("core", "ip:127.0.0.1");
        try (LoopbackPeer bob = LoopbackPeer.start(p -> tls(p, shared, null));
             LoopbackPeer alice = LoopbackPeer.start(p -> tls(p, shared, null))) {
            assertThat(reaches(alice, bob, "own")).as("failures: %s", alice.failures()).isTrue();
        }
    }
}
