package io.osprey.aka;

import java.util.Arrays;

/** What a USIM answers to an AUTHENTICATE with RAND and AUTN (3GPP TS 33.102 §6.3.3). */
public sealed interface UsimResult {

    /**
     * MAC-A verified and SQN fresh: the response and the session keys. Immutable; octets are copied in and out.
     *
     * @param res 8 octets (the MILENAGE f2 output)
     * @param ck  16 octets
     * @param ik  16 octets
     */
    record Authenticated(byte[] res, byte[] ck, byte[] ik) implements UsimResult {
        public Authenticated {
            Bytes.requireLengthBetween("RES", res, AuthenticationVector.MIN_RES_LENGTH,
                    AuthenticationVector.MAX_RES_LENGTH);
            res = res.clone();
            ck = Bytes.copyOfLength("CK", ck, Milenage.BLOCK);
            ik = Bytes.copyOfLength("IK", ik, Milenage.BLOCK);
        }

        @Override
        public byte[] res() {
            return res.clone();
        }

        @Override
        public byte[] ck() {
            return ck.clone();
        }

        @Override
        public byte[] ik() {
            return ik.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Authenticated that && Arrays.equals(res, that.res)
                    && Arrays.equals(ck, that.ck) && Arrays.equals(ik, that.ik);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(res);
        }

        @Override
        public String toString() {
            return "Authenticated[res, ck and ik hidden]";
        }
    }

    /**
     * MAC-A verified but SQN not fresh: the USIM sends AUTS so the HE can resynchronise (§6.3.3, §6.3.5).
     *
     * @param auts      the token for the {@code auts} digest parameter
     * @param freshness which rule of Annex C.2 refused the SQN
     */
    record SynchronisationFailure(Auts auts, SqnFreshness freshness) implements UsimResult {
    }

    /** MAC-A did not verify: the network is not authentic, and no RES or AUTS may be sent (§6.3.3). */
    record MacFailure() implements UsimResult {
    }
}
