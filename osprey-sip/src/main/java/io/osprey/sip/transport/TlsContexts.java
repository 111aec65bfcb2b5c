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
import javax.net.ssl.KeyManagerFactory;

/**
 * TLS 1.2/1.3 contexts for SIP over TLS (RFC 3261 §26.3.1, RFC 5630). The server key comes from a PKCS#12 store,
 * created as a development certificate on first start when absent. Outbound TLS does not yet verify peer
 * certificates (development peers are self-signed); production trust configuration is future work.
 */
record TlsContexts(SslContext server, SslContext client) {

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
            SslContext client = SslContextBuilder.forClient().protocols(PROTOCOLS)
                    .trustManager(InsecureTrustManagerFactory.INSTANCE).build();
            return new TlsContexts(server, client);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot load TLS key store " + store + ": " + e.getMessage(), e);
        }
    }
}
