package io.osprey.sip.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIP over TLS on loopback (RFC 3261 §26.3.1): the development certificate is made on first start and reused,
 * two instances exchange a request and its response, and a JDK client negotiates TLS 1.3 and verifies the
 * certificate against the listener's IP address.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class TlsTransportTest {

    @TempDir
    Path dir;

    private static TransportConfig tlsOnly(int port, Path keyStore) {
        return new TransportConfig("127.0.0.1", 0, 0, port, keyStore, null, TransportConfig.DEFAULT_UDP_MTU_LIMIT, 60);
    }

    @Test
    void createsTheDevCertificateOnceAndCarriesARequestAndResponse() throws Exception {
        Path keyStore = dir.resolve("tls").resolve("dev.p12");
        assertThat(keyStore).doesNotExist();

        try (LoopbackPeer alice = LoopbackPeer.start(port -> tlsOnly(port, keyStore))) {
            assertThat(keyStore).isRegularFile();
            byte[] created = Files.readAllBytes(keyStore);
            FileTime createdAt = Files.getLastModifiedTime(keyStore);

            try (LoopbackPeer bob = LoopbackPeer.start(port -> tlsOnly(port, keyStore))) {
                assertThat(Files.readAllBytes(keyStore)).as("second start reuses the store").isEqualTo(created);
                assertThat(Files.getLastModifiedTime(keyStore)).isEqualTo(createdAt);

                alice.send(SipText.request("OPTIONS", "SIP/2.0/TLS 192.0.2.7:9;branch=z9hG4bKtls1", "tls-1"),
                        bob.hop(TransportProtocol.TLS));
                InboundMessage atBob = bob.next();

                assertThat(atBob.source().transport()).isEqualTo(TransportProtocol.TLS);
                assertThat(atBob.message().callId().value()).isEqualTo("tls-1");

                bob.respond(SipResponse.forRequest((SipRequest) atBob.message(), 200, null).toTag("b1").build(),
                        atBob.source());
                InboundMessage atAlice = alice.next();

                assertThat(atAlice.source().transport()).isEqualTo(TransportProtocol.TLS);
                assertThat(atAlice.source().local()).isEqualTo(atBob.source().remote());
                assertThat(((SipResponse) atAlice.message()).statusCode()).isEqualTo(200);
                assertThat(bob.transports.stats().sentCount(TransportProtocol.TLS)).isEqualTo(1);
                assertThat(alice.failures()).isEmpty();
                assertThat(bob.failures()).isEmpty();
            }
        }
    }

    @Test
    void negotiatesTls13WithACertificateValidForTheListenerAddress() throws Exception {
        Path keyStore = dir.resolve("dev.p12");
        try (LoopbackPeer bob = LoopbackPeer.start(port -> tlsOnly(port, keyStore));
             SSLSocket socket = (SSLSocket) trusting(devCertificate(keyStore)).getSocketFactory()
                     .createSocket("127.0.0.1", bob.address(TransportProtocol.TLS).getPort())) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS"); // checks the IP address SAN
            socket.setSSLParameters(parameters);
            socket.setSoTimeout((int) LoopbackPeer.WAIT_MILLIS);

            socket.startHandshake();

            assertThat(socket.getSession().getProtocol()).isEqualTo("TLSv1.3");
            socket.getOutputStream().write(SipText.wire(
                    SipText.requestText("OPTIONS", "SIP/2.0/TLS 192.0.2.7:9;branch=z9hG4bKtls2", "tls-2", "", "")));
            socket.getOutputStream().flush();
            InboundMessage atBob = bob.next();
            assertThat(atBob.source().transport()).isEqualTo(TransportProtocol.TLS);
            assertThat(atBob.source().remote().getPort()).isEqualTo(socket.getLocalPort());
        }
    }

    private static X509Certificate devCertificate(Path keyStore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, DevCertificate.PASSWORD.toCharArray());
        }
        return (X509Certificate) store.getCertificate(DevCertificate.ALIAS);
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
        anchors.load(null, null);
        anchors.setCertificateEntry("osprey-dev", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
