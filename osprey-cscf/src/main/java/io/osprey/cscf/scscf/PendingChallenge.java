package io.osprey.cscf.scscf;

import io.osprey.sip.auth.DigestAlgorithm;
import io.osprey.sip.auth.DigestSecret;

/**
 * A 401 the S-CSCF sent and the answer it expects (TS 24.229 §5.4.1.2.1, TS 33.203 §6.1): the nonce, the algorithm,
 * the secret the response is checked with (RES as the AKAv1 password, the AKAv2 derived password, or the HSS's
 * HA1), and the RAND that an AUTS in a resynchronisation refers to.
 */
record PendingChallenge(String impi, String nonce, DigestAlgorithm algorithm, DigestSecret secret, byte[] rand,
                        long issuedAtMillis) {

    boolean isAka() {
        return algorithm == DigestAlgorithm.AKAV1_MD5 || algorithm == DigestAlgorithm.AKAV2_MD5;
    }
}
