package io.osprey.sip.auth;

/**
 * Everything except the secret that goes into a Digest response (RFC 7616 §3.4.1-§3.4.3): the credentials'
 * username, realm, nonce, cnonce, nc, qop and digest-uri ({@code uri} parameter), the request method, and for
 * {@code auth-int} the message body. {@code qop} null means the RFC 2069 form without nc and cnonce.
 */
public record DigestInput(DigestAlgorithm algorithm, String username, String realm, String nonce, String nc,
                          String cnonce, Qop qop, String method, String digestUri, byte[] body) {

    public DigestInput {
        if (algorithm == null || username == null || realm == null || nonce == null || method == null
                || digestUri == null) {
            throw new IllegalArgumentException("algorithm, username, realm, nonce, method and digest-uri are required");
        }
        if ((qop != null || algorithm.isSession()) && cnonce == null) {
            throw new IllegalArgumentException("cnonce is required with qop or a -sess algorithm");
        }
        if (qop != null && nc == null) {
            throw new IllegalArgumentException("nc is required with qop");
        }
        body = body == null ? new byte[0] : body;
    }
}
