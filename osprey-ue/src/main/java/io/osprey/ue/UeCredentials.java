package io.osprey.ue;

import io.osprey.aka.Milenage;
import io.osprey.aka.SqnScheme;
import io.osprey.aka.UsimSimulator;
import io.osprey.aka.UsimSqnArray;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * What a UE proves its identity with: an ISIM/USIM for IMS AKA (TS 33.203 §6.1, RFC 3310) or a password for HTTP
 * Digest (RFC 7616, as TS 24.229 Annex Q allows for SIP digest subscribers).
 */
public sealed interface UeCredentials {

    /** AKA credentials from hex strings: K (32 hex), OP (32 hex), AMF 8000, a new card. */
    static Aka akaWithOp(String kHex, String opHex) {
        return new Aka(hex("K", kHex), hex("OP", opHex), false, new byte[] {(byte) 0x80, 0}, 0);
    }

    /** AKA credentials from hex strings: K (32 hex), OPc (32 hex), AMF 8000, a new card. */
    static Aka akaWithOpc(String kHex, String opcHex) {
        return new Aka(hex("K", kHex), hex("OPc", opcHex), true, new byte[] {(byte) 0x80, 0}, 0);
    }

    /** Digest password credentials. */
    static Password password(String password) {
        return new Password(password);
    }

    private static byte[] hex(String field, String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " must be hex digits, was '" + value + "'", e);
        }
    }

    /**
     * A USIM's secrets (TS 33.102 §6.3, MILENAGE of TS 35.206).
     *
     * @param k           subscriber key, 16 octets
     * @param opOrOpc     operator variant OP, or the derived OPc when {@code isOpc}, 16 octets
     * @param isOpc       whether {@code opOrOpc} is OPc
     * @param amf         the AMF provisioned in the HSS, 2 octets. The USIM verifies MAC-A with the AMF carried in
     *                    AUTN (TS 33.102 §6.3.3); a different AMF only yields a {@link Registration#warning()}
     * @param sqnStartSeq SEQ_MS of the card at start (TS 33.102 Annex C.2): every IND slot has accepted this SEQ,
     *                    so the first challenge must carry a higher SEQ or the UE answers with AUTS. 0 for a new card
     */
    record Aka(byte[] k, byte[] opOrOpc, boolean isOpc, byte[] amf, long sqnStartSeq) implements UeCredentials {

        public Aka {
            k = copy("K", k, Milenage.BLOCK);
            opOrOpc = copy(isOpc ? "OPc" : "OP", opOrOpc, Milenage.BLOCK);
            amf = copy("AMF", amf, Milenage.AMF_LENGTH);
            if (sqnStartSeq < 0 || sqnStartSeq > SqnScheme.DEFAULT.maxSeq()) {
                throw new IllegalArgumentException("sqnStartSeq must be within 0.." + SqnScheme.DEFAULT.maxSeq()
                        + ", was " + sqnStartSeq);
            }
        }

        private static byte[] copy(String field, byte[] value, int length) {
            if (value == null || value.length != length) {
                throw new IllegalArgumentException(field + " must be " + length + " octets, was "
                        + (value == null ? "null" : value.length + " octets"));
            }
            return value.clone();
        }

        /** The same card with another starting SEQ_MS. */
        public Aka withSqnStartSeq(long seq) {
            return new Aka(k, opOrOpc, isOpc, amf, seq);
        }

        /** The same card with another provisioned AMF. */
        public Aka withAmf(byte[] newAmf) {
            return new Aka(k, opOrOpc, isOpc, newAmf, sqnStartSeq);
        }

        @Override
        public byte[] k() {
            return k.clone();
        }

        @Override
        public byte[] opOrOpc() {
            return opOrOpc.clone();
        }

        @Override
        public byte[] amf() {
            return amf.clone();
        }

        /** MILENAGE for this card. */
        public Milenage milenage() {
            return isOpc ? Milenage.fromOpc(k, opOrOpc) : Milenage.fromOp(k, opOrOpc);
        }

        /** A fresh USIM in the start state: SEQ_MS = {@code sqnStartSeq} in every slot of the default scheme. */
        public UsimSimulator newUsim() {
            SqnScheme scheme = SqnScheme.DEFAULT;
            return new UsimSimulator(milenage(),
                    UsimSqnArray.startingAt(scheme, scheme.compose(sqnStartSeq, 0)));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Aka other && Arrays.equals(k, other.k) && Arrays.equals(opOrOpc, other.opOrOpc)
                    && isOpc == other.isOpc && Arrays.equals(amf, other.amf) && sqnStartSeq == other.sqnStartSeq;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(k) * 31 + Arrays.hashCode(opOrOpc);
        }

        /** Never shows K or OP. */
        @Override
        public String toString() {
            return "Aka[" + (isOpc ? "OPc" : "OP") + ", amf=" + HexFormat.of().formatHex(amf) + ", sqnStartSeq="
                    + sqnStartSeq + "]";
        }
    }

    /** A digest password (UTF-8 octets enter HA1, RFC 7616 §3.4.2). */
    record Password(String password) implements UeCredentials {

        public Password {
            if (password == null) {
                throw new IllegalArgumentException("password must not be null");
            }
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Password[hidden]";
        }
    }
}
