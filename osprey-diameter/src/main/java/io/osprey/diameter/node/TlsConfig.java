package io.osprey.diameter.node;

import java.nio.file.Path;
import java.util.Objects;

/**
 * TLS for Diameter connections (RFC 6733 §13: both ends authenticate with certificates). The key store holds
 * this node's key and certificate chain; the trust store the certificates or CAs peers are checked against.
 * Stores are read in any format {@link java.security.KeyStore#getInstance(java.io.File, char[])} detects
 * (PKCS#12 or JKS), both with {@code password}. A node connecting to a peer also checks that the peer's
 * certificate names the configured address.
 *
 * @param trustStore the trust store, or null to trust the certificates in the key store
 */
public record TlsConfig(Path keyStore, String password, Path trustStore) {

    public TlsConfig {
        Objects.requireNonNull(keyStore, "keyStore");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "TlsConfig[keyStore=" + keyStore + ", trustStore=" + trustStore + "]";
    }
}
