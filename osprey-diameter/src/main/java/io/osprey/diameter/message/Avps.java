package io.osprey.diameter.message;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.AvpType;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Builds AVPs from dictionary definitions, so code, vendor and flags (V, and M per the send rule) come from
 * the definition and the value is encoded in the definition's data format (RFC 6733 §4.2, §4.3). A value
 * that does not fit the format is rejected with an error naming the AVP, the value and the limit.
 */
public final class Avps {

    private Avps() {
    }

    /** Integer32, Enumerated, Unsigned32, Integer64 or Unsigned64 (the latter as raw 64 bits). */
    public static Avp of(AvpDefinition def, long value) {
        byte[] data;
        switch (def.type()) {
            case INTEGER32, ENUMERATED -> {
                if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                    throw outOfRange(def, value, Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
                }
                data = new byte[4];
                AvpData.writeInt(data, 0, (int) value);
            }
            case UNSIGNED32 -> {
                if (value < 0 || value > 0xFFFF_FFFFL) {
                    throw outOfRange(def, value, "0.." + 0xFFFF_FFFFL);
                }
                data = new byte[4];
                AvpData.writeInt(data, 0, (int) value);
            }
            case INTEGER64, UNSIGNED64 -> {
                data = new byte[8];
                AvpData.writeLong(data, 0, value);
            }
            default -> throw wrongType(def, "an integer");
        }
        return Avp.owned(def, data);
    }

    /** Float32 or Float64. */
    public static Avp of(AvpDefinition def, double value) {
        byte[] data;
        if (def.type() == AvpType.FLOAT32) {
            data = new byte[4];
            AvpData.writeInt(data, 0, Float.floatToIntBits((float) value));
        } else if (def.type() == AvpType.FLOAT64) {
            data = new byte[8];
            AvpData.writeLong(data, 0, Double.doubleToLongBits(value));
        } else {
            throw wrongType(def, "a floating point number");
        }
        return Avp.owned(def, data);
    }

    /** UTF8String, DiameterIdentity, DiameterURI, IPFilterRule or OctetString, encoded as UTF-8. */
    public static Avp of(AvpDefinition def, String value) {
        switch (def.type()) {
            case UTF8_STRING, IP_FILTER_RULE, OCTET_STRING -> {
            }
            case DIAMETER_IDENTITY -> {
                if (!AvpData.isValidDiameterIdentity(value)) {
                    throw new IllegalArgumentException(def.name() + " must be a non-empty ASCII FQDN or realm, was '"
                            + value + "'");
                }
            }
            case DIAMETER_URI -> DiameterUri.parse(value);
            default -> throw wrongType(def, "text");
        }
        return Avp.owned(def, value.getBytes(StandardCharsets.UTF_8));
    }

    /** OctetString or another format derived from it, from raw bytes (copied). */
    public static Avp of(AvpDefinition def, byte[] value) {
        if (!def.type().isOctetStringBased()) {
            throw wrongType(def, "octets");
        }
        if (def.type().fixedLength() >= 0 && value.length != def.type().fixedLength()) {
            throw new IllegalArgumentException(def.name() + " needs " + def.type().fixedLength() + " octets, got "
                    + value.length);
        }
        return Avp.owned(def, value.clone());
    }

    public static Avp of(AvpDefinition def, DiameterUri value) {
        if (def.type() != AvpType.DIAMETER_URI) {
            throw wrongType(def, "a DiameterURI");
        }
        return Avp.owned(def, value.toString().getBytes(StandardCharsets.UTF_8));
    }

    public static Avp of(AvpDefinition def, DiameterAddress value) {
        if (def.type() != AvpType.ADDRESS) {
            throw wrongType(def, "an Address");
        }
        return Avp.owned(def, value.encode());
    }

    public static Avp of(AvpDefinition def, InetAddress value) {
        return of(def, DiameterAddress.of(value));
    }

    /** Time: seconds since 1900 in NTP form, valid from 1968 to 2104 (RFC 6733 §4.3.1). */
    public static Avp of(AvpDefinition def, Instant value) {
        if (def.type() != AvpType.TIME) {
            throw wrongType(def, "a Time");
        }
        byte[] data = new byte[4];
        AvpData.writeInt(data, 0, AvpData.instantToNtpSeconds(value));
        return Avp.owned(def, data);
    }

    /** Grouped. */
    public static Avp of(AvpDefinition def, Avp... members) {
        return of(def, List.of(members));
    }

    /** Grouped. */
    public static Avp of(AvpDefinition def, List<Avp> members) {
        if (def.type() != AvpType.GROUPED) {
            throw wrongType(def, "Grouped members");
        }
        return Avp.grouped(def.code(), def.sendFlags(), def.vendorId(), members);
    }

    /**
     * A stand-in for a missing or truncated AVP in Failed-AVP (RFC 6733 §7.5): the definition's header and a
     * zero-filled payload of the format's minimum length.
     */
    public static Avp zeroFilled(AvpDefinition def) {
        return Avp.raw(def.code(), def.sendFlags(), def.vendorId(), new byte[def.type().minimumLength()]);
    }

    private static IllegalArgumentException wrongType(AvpDefinition def, String given) {
        return new IllegalArgumentException(def.name() + " is " + def.type() + "; cannot encode " + given);
    }

    private static IllegalArgumentException outOfRange(AvpDefinition def, long value, String range) {
        return new IllegalArgumentException(def.name() + " value " + value + " is outside " + def.type() + " range "
                + range);
    }
}
