package io.osprey.diameter.dictionary;

import java.util.List;
import java.util.Objects;

/**
 * One AVP of a dictionary: code, vendor (0 for IETF AVPs), name, data format and M-bit rule (RFC 6733 §4.5).
 * The V bit is set exactly when {@code vendorId != 0}. For Grouped AVPs, {@code memberRules} optionally
 * holds the grouped ABNF (RFC 6733 §4.4) that the validator enforces; an empty list means "not checked".
 */
public record AvpDefinition(int code, long vendorId, String name, AvpType type, FlagRule mandatory,
                            List<AvpRule> memberRules) {

    /** The V flag bit of the AVP header. */
    public static final int FLAG_VENDOR = 0x80;
    /** The M flag bit of the AVP header. */
    public static final int FLAG_MANDATORY = 0x40;
    /** The P flag bit of the AVP header (end-to-end security; deprecated, always sent as 0). */
    public static final int FLAG_PROTECTED = 0x20;

    public AvpDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(mandatory, "mandatory");
        memberRules = List.copyOf(memberRules);
        if (vendorId < 0 || vendorId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("vendor id of " + name + " must be 0.." + 0xFFFF_FFFFL + ", was " + vendorId);
        }
        if (!memberRules.isEmpty() && type != AvpType.GROUPED) {
            throw new IllegalArgumentException(name + " has member rules but type " + type + ", not GROUPED");
        }
    }

    /** An IETF AVP (vendor 0). */
    public static AvpDefinition ietf(int code, String name, AvpType type, FlagRule mandatory) {
        return new AvpDefinition(code, 0, name, type, mandatory, List.of());
    }

    /** A vendor AVP (V bit set). */
    public static AvpDefinition vendor(long vendorId, int code, String name, AvpType type, FlagRule mandatory) {
        if (vendorId == 0) {
            throw new IllegalArgumentException("vendor AVP " + name + " needs a non-zero vendor id");
        }
        return new AvpDefinition(code, vendorId, name, type, mandatory, List.of());
    }

    /** A copy of this Grouped definition that carries its grouped ABNF. */
    public AvpDefinition withMembers(AvpRule... rules) {
        return new AvpDefinition(code, vendorId, name, type, mandatory, List.of(rules));
    }

    /** The flags byte to send: V when vendor-specific, M when the rule says MUST, P never. */
    public int sendFlags() {
        return (vendorId != 0 ? FLAG_VENDOR : 0) | (mandatory == FlagRule.MUST ? FLAG_MANDATORY : 0);
    }

    public boolean isVendorSpecific() {
        return vendorId != 0;
    }

    /** The lookup key of (code, vendor): vendor in the high 32 bits, code in the low 32 bits. */
    public long key() {
        return key(code, vendorId);
    }

    /** The lookup key of an AVP code and vendor id, as used by {@link DiameterDictionary}. */
    public static long key(int code, long vendorId) {
        return (vendorId << 32) | (code & 0xFFFF_FFFFL);
    }

    @Override
    public String toString() {
        return name + "(" + Integer.toUnsignedString(code) + (vendorId != 0 ? ", vendor " + vendorId : "") + ")";
    }
}
