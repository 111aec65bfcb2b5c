package io.osprey.cscf.cx;

import java.util.Arrays;
import java.util.Objects;

/**
 * One SIP-Auth-Data-Item of a MAA (TS 29.229 §6.3.13). For IMS AKA (TS 33.203) {@code authenticate} is
 * RAND ‖ AUTN (32 octets), {@code authorization} XRES, with CK and IK; for SIP Digest the HSS sends
 * SIP-Digest-Authenticate (§6.3.36) instead, whose members fill the digest fields. The arrays are copied in and
 * out; {@link #toString()} shows no key material.
 *
 * @param itemNumber SIP-Item-Number, 0 when absent
 * @param scheme     SIP-Authentication-Scheme, e.g. {@code Digest-AKAv1-MD5} or {@code SIP Digest}
 * @param digestHa1  Digest-HA1 as the HSS sends it, lower-case hex
 */
public record SipAuthDataItem(int itemNumber, String scheme, byte[] authenticate, byte[] authorization,
                              byte[] confidentialityKey, byte[] integrityKey, String digestRealm,
                              String digestAlgorithm, String digestQop, String digestHa1) {

    public SipAuthDataItem {
        authenticate = copy(authenticate);
        authorization = copy(authorization);
        confidentialityKey = copy(confidentialityKey);
        integrityKey = copy(integrityKey);
    }

    @Override
    public byte[] authenticate() {
        return copy(authenticate);
    }

    @Override
    public byte[] authorization() {
        return copy(authorization);
    }

    @Override
    public byte[] confidentialityKey() {
        return copy(confidentialityKey);
    }

    @Override
    public byte[] integrityKey() {
        return copy(integrityKey);
    }

    /** Whether this item carries an AKA vector (SIP-Authenticate present). */
    public boolean isAka() {
        return authenticate != null;
    }

    /** Whether this item carries SIP Digest data (Digest-HA1 present). */
    public boolean isDigest() {
        return digestHa1 != null;
    }

    private static byte[] copy(byte[] value) {
        return value == null ? null : value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SipAuthDataItem other && itemNumber == other.itemNumber
                && Objects.equals(scheme, other.scheme) && Arrays.equals(authenticate, other.authenticate)
                && Arrays.equals(authorization, other.authorization)
                && Arrays.equals(confidentialityKey, other.confidentialityKey)
                && Arrays.equals(integrityKey, other.integrityKey) && Objects.equals(digestRealm, other.digestRealm)
                && Objects.equals(digestAlgorithm, other.digestAlgorithm) && Objects.equals(digestQop, other.digestQop)
                && Objects.equals(digestHa1, other.digestHa1);
    }

    @Override
    public int hashCode() {
        return Objects.hash(itemNumber, scheme, Arrays.hashCode(authenticate), digestRealm, digestHa1);
    }

    @Override
    public String toString() {
        return "SipAuthDataItem{" + itemNumber + " " + scheme + length(" authenticate", authenticate)
                + length(" authorization", authorization) + length(" ck", confidentialityKey)
                + length(" ik", integrityKey) + (digestRealm == null ? "" : " realm=" + digestRealm)
                + (digestAlgorithm == null ? "" : " algorithm=" + digestAlgorithm)
                + (digestQop == null ? "" : " qop=" + digestQop) + (digestHa1 == null ? "" : " ha1=…") + "}";
    }

    private static String length(String name, byte[] value) {
        return value == null ? "" : name + "[" + value.length + "]";
    }
}
