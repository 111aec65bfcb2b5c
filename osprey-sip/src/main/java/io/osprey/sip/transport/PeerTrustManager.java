package io.osprey.sip.transport;

import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks the certificate a TLS server presents to an outbound SIP connection, as {@link TlsTrust} describes: the
 * JDK's PKIX checks (chain to a trusted certificate, validity, and the name of the address connected to, with the
 * engine's endpoint identification) by each trust manager in turn, and, in development mode only, a peer's
 * self-signed development certificate that is in its validity period and names the address.
 */
final class PeerTrustManager extends X509ExtendedTrustManager {

    private final List<X509ExtendedTrustManager> trusted;
    private final boolean acceptDevelopmentPeers;

    PeerTrustManager(List<X509ExtendedTrustManager> trusted, boolean acceptDevelopmentPeers) {
        this.trusted = List.copyOf(trusted);
        this.acceptDevelopmentPeers = acceptDevelopmentPeers;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        CertificateException first = null;
        for (X509ExtendedTrustManager manager : trusted) {
            try {
                manager.checkServerTrusted(chain, authType, engine);
                return;
            } catch (CertificateException e) {
                first = first == null ? e : first;
            }
        }
        if (acceptDevelopmentPeers && chain.length > 0 && isDevelopmentPeer(chain[0], engine.getPeerHost())) {
            return;
        }
        throw first != null ? first : new CertificateException("no trusted certificates configured");
    }

    /** A self-signed development certificate, valid now, naming {@code peerHost}. */
    static boolean isDevelopmentPeer(X509Certificate certificate, String peerHost) throws CertificateException {
        if (!DevCertificate.isDevelopment(certificate)) {
            return false;
        }
        try {
            certificate.verify(certificate.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new CertificateException("development certificate with a bad self-signature", e);
        }
        certificate.checkValidity();
        if (!names(certificate, peerHost)) {
            throw new CertificateException("development certificate does not name " + peerHost);
        }
        return true;
    }

    /** Whether a subject alternative name of {@code certificate} is {@code host} (an IP address or a DNS name). */
    static boolean names(X509Certificate certificate, String host) throws CertificateParsingException {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        Collection<List<?>> names = certificate.getSubjectAlternativeNames();
        if (names == null) {
            return false;
        }
        for (List<?> name : names) {
            int type = (Integer) name.get(0);
            String value = String.valueOf(name.get(1));
            if (type == 2 && value.toLowerCase(Locale.ROOT).equals(bare.toLowerCase(Locale.ROOT))) {
                return true;
            }
            if (type == 7 && sameAddress(value, bare)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        if (!isLiteral(a) || !isLiteral(b)) {
            return false;
        }
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b)); // literals: no look-up
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLiteral(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && c != ':' && Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return !host.isEmpty();
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("SIP TLS connections run on SSLEngine");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a server certificate is checked with its engine (address to match)");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("client certificates are not requested");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("client certificates are not requested");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not requested");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return trusted.stream().flatMap(m -> java.util.Arrays.stream(m.getAcceptedIssuers()))
                .toArray(X509Certificate[]::new);
    }
}
