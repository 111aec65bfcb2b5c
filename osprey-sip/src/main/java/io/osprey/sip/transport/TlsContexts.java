package io.osprey.sip.transport;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TLS 1.2/1.3 contexts for SIP over TLS (RFC 3261 §26.3.1, RFC 5630). The server key comes from a PKCS#12 store,
 * created as a development certificate on first start when absent. Outbound connections check the server as the
 * transport's {@link TlsTrust} says: by default its chain must reach the JDK's CAs or this node's own certificate
 * and name the address connected to; a node on the development certificate also accepts peers' development
 * certificates.
 */
record TlsContexts(SslContext server, SslContext client) {

    private static final Logger log = LoggerFactory.getLogger(TlsContexts.class);

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    static TlsContexts load(TransportConfig config) throws IOException {
        Path store = config.tlsKeyStore() != null ? config.tlsKeyStore() : Path.of("data", "tls", "osprey-dev.p12");
        DevCertificate.ensure(store, config.advertisedHost());
        try (InputStream in = Files.newInputStream(store)) {
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            char[] password = DevCertificate.PASSWORD.toCharArray();
            keyStore.load(in, password);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(keyStore, password);
            SslContext server = SslContextBuilder.forServer(keys).protocols(PROTOCOLS).build();
            return new TlsContexts(server, client(config.tlsTrust(), keyStore));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load TLS key store " + store + ": " + e.getMessage(), e);
        }
    }

    private static SslContext client(TlsTrust trust, KeyStore own) throws GeneralSecurityException, IOException {
        SslContextBuilder builder = SslContextBuilder.forClient().protocols(PROTOCOLS);
        if (!trust.verifyPeers()) {
            log.warn("outbound SIP over TLS does not verify servers (TLS trust: none)");
            return builder.trustManager(InsecureTrustManagerFactory.INSTANCE).build();
        }
        List<X509ExtendedTrustManager> managers = new ArrayList<>(2);
        managers.add(pkix(trust.trustStore() == null ? null : trustStore(trust)));
        KeyStore ownCertificates = KeyStore.getInstance("PKCS12");
        ownCertificates.load(null, null);
        X509Certificate ownCertificate = null;
        for (String alias : Collections.list(own.aliases())) {
            Certificate certificate = own.getCertificate(alias);
            if (own.isKeyEntry(alias) && certificate instanceof X509Certificate x509) {
                ownCertificates.setCertificateEntry(alias, x509);
                ownCertificate = x509;
            }
        }
        if (ownCertificates.size() > 0) {
            managers.add(pkix(ownCertificates));
        }
        boolean development = ownCertificate != null && DevCertificate.isDevelopment(ownCertificate);
        return builder.trustManager(new PeerTrustManager(managers, development))
                .endpointIdentificationAlgorithm("HTTPS") // the certificate must name the address connected to
                .build();
    }

    private static KeyStore trustStore(TlsTrust trust) throws GeneralSecurityException, IOException {
        char[] password = trust.trustStorePassword() == null ? null : trust.trustStorePassword().toCharArray();
        return KeyStore.getInstance(trust.trustStore().toFile(), password);
    }

    /** The JDK's PKIX trust manager over {@code anchors} (null: the JDK's default CAs). */
    private static X509ExtendedTrustManager pkix(KeyStore anchors) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
        factory.init(anchors);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager in the JDK");
    }
}
