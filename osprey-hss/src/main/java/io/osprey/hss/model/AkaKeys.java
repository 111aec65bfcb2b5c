package io.osprey.hss.model;

import io.osprey.aka.Milenage;
import java.util.Arrays;

/**
 * The AKA secrets of a private identity (TS 33.102 §6.3, TS 35.206): subscriber key K, the operator variant
 * as OP or as the derived OPc, and the AMF placed in every AUTN. Only the AuC path reads this type;
 * {@link #toString()} never shows K, OP or OPc.
 *
 * @param k               16 octets
 * @param operatorKeyKind whether {@code operatorKey} is OP or OPc
 * @param operatorKey     16 octets of OP or OPc
 * @param amf             2 octets
 */
public record AkaKeys(byte[] k, OperatorKeyKind operatorKeyKind, byte[] operatorKey, byte[] amf) {

    /** Octets in K, OP and OPc. */
    public static final int KEY_LENGTH = Milenage.BLOCK;
    /** Octets in AMF. */
    public static final int AMF_LENGTH = Milenage.AMF_LENGTH;
    /** The AMF most test networks use (separation bit set, TS 33.102 Annex H). */
    public static final String DEFAULT_AMF = "8000";

    /** Which operator value {@link #operatorKey()} holds. */
    public enum OperatorKeyKind {
        /** The operator variant algorithm configuration field OP; OPc is derived per use. */
        OP,
        /** OPc = OP ⊕ E_K(OP), as most HSSs store it. */
        OPC
    }

    public AkaKeys {
        k = copy("k", k, KEY_LENGTH);
        Checks.notNull("operatorKeyKind", operatorKeyKind);
        operatorKey = copy(operatorKeyKind == OperatorKeyKind.OP ? "op" : "opc", operatorKey, KEY_LENGTH);
        amf = copy("amf", amf, AMF_LENGTH);
    }

    /** Keys from hex text; exactly one of {@code opHex} and {@code opcHex} must be non-null. */
    public static AkaKeys fromHex(String kHex, String opHex, String opcHex, String amfHex) {
        if ((opHex == null) == (opcHex == null)) {
            throw new InvalidValueException(opHex == null ? "opc" : "op", "give exactly one of op and opc");
        }
        OperatorKeyKind kind = opHex != null ? OperatorKeyKind.OP : OperatorKeyKind.OPC;
        String operatorHex = opHex != null ? opHex : opcHex;
        return new AkaKeys(Hex.decode("k", kHex, KEY_LENGTH), kind,
                Hex.decode(kind == OperatorKeyKind.OP ? "op" : "opc", operatorHex, KEY_LENGTH),
                Hex.decode("amf", amfHex == null ? DEFAULT_AMF : amfHex, AMF_LENGTH));
    }

    /** A fresh MILENAGE instance for these keys (not thread-safe; one per computation). */
    public Milenage milenage() {
        return operatorKeyKind == OperatorKeyKind.OP
                ? Milenage.fromOp(k, operatorKey) : Milenage.fromOpc(k, operatorKey);
    }

    @Override
    public byte[] k() {
        return k.clone();
    }

    @Override
    public byte[] operatorKey() {
        return operatorKey.clone();
    }

    @Override
    public byte[] amf() {
        return amf.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AkaKeys that && operatorKeyKind == that.operatorKeyKind
                && Arrays.equals(k, that.k) && Arrays.equals(operatorKey, that.operatorKey)
                && Arrays.equals(amf, that.amf);
    }

    @Override
    public int hashCode() {
        return 31 * operatorKeyKind.hashCode() + Arrays.hashCode(amf);
    }

    @Override
    public String toString() {
        return "AkaKeys[k=<redacted>, " + operatorKeyKind + "=<redacted>, amf=" + Hex.encode(amf) + "]";
    }

    private static byte[] copy(String field, byte[] value, int length) {
        Checks.notNull(field, value);
        if (value.length != length) {
            throw new InvalidValueException(field, "must be " + length + " octets, was " + value.length);
        }
        return value.clone();
    }
}
