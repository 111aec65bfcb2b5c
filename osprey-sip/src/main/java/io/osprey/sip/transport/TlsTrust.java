package io.osprey.sip.transport;

import java.nio.file.Path;

/**
 * How outbound TLS connections check the server they reach (RFC 3261 §26.3.1, RFC 5922 §7): whether to verify at
 * all, and which certificates to trust. When verifying, the server's chain must lead to a trusted certificate and
 * its leaf must name the address connected to (an IP address or DNS subject alternative name; RFC 5922's check of
 * the SIP domain needs the target URI, which a resolved hop no longer carries).
 *
 * <p>Trusted are the certificates of {@code trustStore}, or the JDK's default CAs without one, and always this
 * node's own certificate (the functions of the all-in-one core share one). A node whose own key store holds the
 * generated development certificate ({@link DevCertificate}) is in development mode and also accepts a peer's
 * development certificate (self-signed by {@link DevCertificate}, in its validity period, naming the address); a
 * node with a real certificate never does.
 *
 * @param verifyPeers        false turns every check off (a warning is logged): for experiments only
 * @param trustStore         PKCS#12 or JKS file of trusted certificates; null for the JDK's default CAs
 * @param trustStorePassword the store's password; null for none
 */
public record TlsTrust(boolean verifyPeers, Path trustStore, String trustStorePassword) {

    /** Verify, trusting the JDK's default CAs (and this node's own certificate). */
    public static final TlsTrust DEFAULT = new TlsTrust(true, null, null);

    /** No verification at all. */
    public static final TlsTrust NONE = new TlsTrust(false, null, null);

    /** Verify, trusting the certificates in {@code trustStore} (and this node's own certificate). */
    public static TlsTrust store(Path trustStore, String password) {
        return new TlsTrust(true, trustStore, password);
    }
}
