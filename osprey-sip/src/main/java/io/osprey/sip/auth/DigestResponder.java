package io.osprey.sip.auth;

import java.util.Set;

/**
 * Client side of Digest (RFC 7616 §3.4, RFC 3261 §22.2-§22.3): answers a {@link DigestChallenge} with
 * {@link DigestCredentials}, echoing realm, nonce, opaque and algorithm, and computing the response for the given
 * digest-uri. With {@code qop} null it picks {@code auth} when offered, else {@code auth-int}, else none.
 */
public final class DigestResponder {

    private DigestResponder() {
    }

    /**
     * @param cnonce client nonce; required when a qop is used or the algorithm is {@code -sess}
     * @param nc     nonce-count for this nonce, from 1
     */
    public static DigestCredentials respond(DigestChallenge challenge, String username, DigestSecret secret,
                                            String method, String digestUri, byte[] body, String cnonce, long nc) {
        Set<Qop> offered = challenge.qopOptions();
        Qop qop = offered.contains(Qop.AUTH) ? Qop.AUTH : offered.contains(Qop.AUTH_INT) ? Qop.AUTH_INT : null;
        return respond(challenge, username, secret, method, digestUri, body, cnonce, nc, qop);
    }

    /** As above with an explicit qop (null for the RFC 2069 form). */
    public static DigestCredentials respond(DigestChallenge challenge, String username, DigestSecret secret,
                                            String method, String digestUri, byte[] body, String cnonce, long nc,
                                            Qop qop) {
        DigestAlgorithm algorithm = challenge.algorithm();
        if (algorithm == null) {
            throw new IllegalArgumentException("unsupported challenge algorithm " + challenge.algorithmToken());
        }
        if (nc < 1 || nc > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("nonce-count must be 1 to ffffffff, was " + nc);
        }
        String ncText = qop == null ? null : String.format("%08x", nc);
        DigestInput input = new DigestInput(algorithm, username, challenge.realm(), challenge.nonce(), ncText,
                cnonce, qop, method, digestUri, body);
        DigestCredentials.Builder credentials = DigestCredentials.builder()
                .username(username)
                .realm(challenge.realm())
                .nonce(challenge.nonce())
                .uri(digestUri)
                .response(DigestCalculator.response(input, secret));
        if (challenge.algorithmToken() != null) {
            credentials.algorithm(algorithm);
        }
        if (qop != null || algorithm.isSession()) {
            credentials.cnonce(cnonce);
        }
        if (qop != null) {
            credentials.qop(qop).nc(ncText);
        }
        if (challenge.opaque() != null) {
            credentials.opaque(challenge.opaque());
        }
        return credentials.build();
    }
}
