package io.osprey.sip.auth;

import java.util.EnumSet;
import java.util.Set;

/**
 * Server-side check of Digest credentials (RFC 7616 §3.4-§3.5, RFC 3261 §22.4, RFC 2617 and RFC 2069 forms) for
 * one realm, with nonces from a {@link NonceManager}. Order of checks: required parameters, realm, algorithm,
 * qop (with its cnonce and nc), nonce integrity, response (constant-time), nonce age, then the nonce-count for
 * replay, which is recorded only for a correct response. The digest-uri is the credentials' {@code uri}
 * parameter, as RFC 3261 §22.4 and RFC 3310 use it, not the Request-URI. Thread-safe.
 */
public final class DigestVerifier {

    private static final String[] REQUIRED = {"username", "realm", "nonce", "uri", "response"};

    private final String realm;
    private final NonceManager nonces;
    private final Set<DigestAlgorithm> algorithms;
    private final Set<Qop> qops;

    /**
     * @param realm      the protected realm; credentials for another realm are refused
     * @param nonces     where the nonces were issued or registered
     * @param algorithms algorithms accepted
     * @param qops       qop values the challenges offer; when empty only the RFC 2069 form without qop is
     *                   accepted, otherwise a qop is required
     */
    public DigestVerifier(String realm, NonceManager nonces, Set<DigestAlgorithm> algorithms, Set<Qop> qops) {
        if (algorithms.isEmpty()) {
            throw new IllegalArgumentException("at least one digest algorithm must be accepted");
        }
        this.realm = realm;
        this.nonces = nonces;
        this.algorithms = EnumSet.copyOf(algorithms);
        this.qops = qops.isEmpty() ? EnumSet.noneOf(Qop.class) : EnumSet.copyOf(qops);
    }

    /** Verifies a parsed header value, answering {@link DigestResult#UNSUPPORTED_SCHEME} for non-Digest schemes. */
    public DigestVerification verify(AuthHeaderValue header, String method, byte[] body, DigestSecret secret) {
        if (!header.isDigest()) {
            return DigestVerification.of(DigestResult.UNSUPPORTED_SCHEME);
        }
        return verify(DigestCredentials.of(header), method, body, secret);
    }

    /**
     * @param method the request method (for ACK and CANCEL, the method of the request they belong to is still
     *               their own, RFC 3261 §22.4)
     * @param body   the message body, used only for {@code qop=auth-int}; null means empty
     * @param secret the user's password or stored HA1
     */
    public DigestVerification verify(DigestCredentials credentials, String method, byte[] body, DigestSecret secret) {
        for (String name : REQUIRED) {
            if (credentials.value(name) == null) {
                return DigestVerification.missing(name);
            }
        }
        if (!realm.equals(credentials.realm())) {
            return DigestVerification.of(DigestResult.BAD_REALM);
        }
        DigestAlgorithm algorithm = DigestAlgorithm.fromToken(credentials.algorithmToken());
        if (algorithm == null || !algorithms.contains(algorithm)) {
            return DigestVerification.of(DigestResult.UNSUPPORTED_ALGORITHM);
        }
        Qop qop = null;
        long count = 1;
        if (credentials.qopToken() != null) {
            qop = Qop.fromToken(credentials.qopToken());
            if (qop == null || !qops.contains(qop)) {
                return DigestVerification.of(DigestResult.UNSUPPORTED_QOP);
            }
            if (credentials.cnonce() == null) {
                return DigestVerification.missing("cnonce");
            }
            if (credentials.nc() == null) {
                return DigestVerification.missing("nc");
            }
            count = nonceCount(credentials.nc());
            if (count <= 0) {
                return DigestVerification.malformed("nc");
            }
        } else if (!qops.isEmpty()) {
            return DigestVerification.missing("qop");
        }
        if (algorithm.isSession() && credentials.cnonce() == null) {
            return DigestVerification.missing("cnonce");
        }
        NonceStatus nonceStatus = nonces.check(credentials.nonce());
        if (nonceStatus == NonceStatus.INVALID) {
            return DigestVerification.of(DigestResult.BAD_NONCE);
        }
        DigestInput input = new DigestInput(algorithm, credentials.username(), credentials.realm(),
                credentials.nonce(), credentials.nc(), credentials.cnonce(), qop, method, credentials.uri(), body);
        if (!DigestCalculator.responsesMatch(DigestCalculator.response(input, secret), credentials.response())) {
            return DigestVerification.of(DigestResult.BAD_RESPONSE);
        }
        if (nonceStatus == NonceStatus.STALE) {
            return DigestVerification.of(DigestResult.STALE);
        }
        return switch (nonces.use(credentials.nonce(), count)) {
            case VALID -> DigestVerification.OK;
            case STALE -> DigestVerification.of(DigestResult.STALE);
            case REPLAY -> DigestVerification.of(DigestResult.REPLAY);
            case INVALID -> DigestVerification.of(DigestResult.BAD_NONCE);
        };
    }

    /** The nc value (exactly 8 hex digits, RFC 7616 §3.4), or -1. */
    private static long nonceCount(String nc) {
        if (nc.length() != 8) {
            return -1;
        }
        for (int i = 0; i < 8; i++) {
            if (Character.digit(nc.charAt(i), 16) < 0) {
                return -1;
            }
        }
        return Long.parseLong(nc, 16);
    }
}
