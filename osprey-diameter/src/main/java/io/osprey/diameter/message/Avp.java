package io.osprey.diameter.message;

import static io.osprey.diameter.dictionary.AvpDefinition.FLAG_MANDATORY;
import static io.osprey.diameter.dictionary.AvpDefinition.FLAG_PROTECTED;
import static io.osprey.diameter.dictionary.AvpDefinition.FLAG_VENDOR;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.osprey.diameter.dictionary.AvpDefinition;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * An immutable AVP (RFC 6733 §4.1): code, flags, optional Vendor-ID and data, with typed accessors for the
 * formats of §4.2 and §4.3. A decoded AVP shares the frame's byte array (no copy per AVP) and re-encodes
 * byte-exact, padding included; a Grouped AVP also holds its member list. Build AVPs from dictionary
 * definitions with {@link Avps}, or without one with {@link #raw} and {@link #grouped}.
 */
public final class Avp {

    /** AVP header without Vendor-ID. */
    public static final int HEADER_LENGTH = 8;
    /** AVP header with Vendor-ID. */
    public static final int VENDOR_HEADER_LENGTH = 12;
    /** Largest value of the 24-bit AVP Length field. */
    public static final int MAX_LENGTH = 0xFF_FFFF;

    private final int code;
    private final byte flags;
    private final int vendorId;
    private final byte[] source;
    private final int dataOffset;
    private final int dataLength;
    private final byte paddingInSource;
    private final List<Avp> members;

    private Avp(int code, int flags, long vendorId, byte[] source, int dataOffset, int dataLength, int paddingInSource,
                List<Avp> members) {
        if ((flags & ~0xFF) != 0) {
            throw new IllegalArgumentException("AVP flags must fit one octet, were 0x" + Integer.toHexString(flags));
        }
        if (vendorId < 0 || vendorId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("AVP vendor id must be 0.." + 0xFFFF_FFFFL + ", was " + vendorId);
        }
        if (((flags & FLAG_VENDOR) != 0) != (vendorId != 0)) {
            throw new IllegalArgumentException("AVP " + Integer.toUnsignedString(code) + ": V flag and vendor id "
                    + vendorId + " disagree");
        }
        int header = vendorId != 0 ? VENDOR_HEADER_LENGTH : HEADER_LENGTH;
        if (dataLength < 0 || dataLength > MAX_LENGTH - header) {
            throw new IllegalArgumentException("AVP " + Integer.toUnsignedString(code) + " data length " + dataLength
                    + " exceeds the 24-bit AVP Length limit " + (MAX_LENGTH - header));
        }
        this.code = code;
        this.flags = (byte) flags;
        this.vendorId = (int) vendorId;
        this.source = source;
        this.dataOffset = dataOffset;
        this.dataLength = dataLength;
        this.paddingInSource = (byte) paddingInSource;
        this.members = members;
    }

    /**
     * An AVP over a region of a decoded frame. The array is shared, not copied: the caller hands it over and
     * must not modify it afterwards. {@code paddingInSource} is how many padding octets follow the data in
     * {@code source} (0–3; fewer than needed only for the last member of a Grouped AVP). {@code members} is
     * null unless the AVP was decoded as Grouped.
     */
    public static Avp decoded(int code, int flags, long vendorId, byte[] source, int dataOffset, int dataLength,
                              int paddingInSource, List<Avp> members) {
        if (dataOffset < 0 || dataOffset + dataLength + paddingInSource > source.length || paddingInSource < 0
                || paddingInSource > 3) {
            throw new IllegalArgumentException("AVP data region " + dataOffset + "+" + dataLength + "+" + paddingInSource
                    + " lies outside the " + source.length + "-octet frame");
        }
        return new Avp(code, flags, vendorId, source, dataOffset, dataLength, paddingInSource,
                members == null ? null : List.copyOf(members));
    }

    /** An AVP with the given data (copied). The V flag is set exactly when {@code vendorId != 0}. */
    public static Avp raw(int code, int flags, long vendorId, byte[] data) {
        return new Avp(code, withVendorFlag(flags, vendorId), vendorId, data.clone(), 0, data.length, 0, null);
    }

    /** A Grouped AVP of {@code members}. The V flag is set exactly when {@code vendorId != 0}. */
    public static Avp grouped(int code, int flags, long vendorId, List<Avp> members) {
        List<Avp> copy = List.copyOf(members);
        long total = 0;
        for (Avp member : copy) {
            total += member.paddedLength();
        }
        if (total > MAX_LENGTH) {
            throw new IllegalArgumentException("Grouped AVP " + Integer.toUnsignedString(code) + " members take " + total
                    + " octets, above the 24-bit AVP Length limit " + MAX_LENGTH);
        }
        return new Avp(code, withVendorFlag(flags, vendorId), vendorId, null, 0, (int) total, 0, copy);
    }

    /** Wraps data this package just built, without a defensive copy. */
    static Avp owned(AvpDefinition def, byte[] data) {
        return new Avp(def.code(), def.sendFlags(), def.vendorId(), data, 0, data.length, 0, null);
    }

    private static int withVendorFlag(int flags, long vendorId) {
        return vendorId != 0 ? flags | FLAG_VENDOR : flags & ~FLAG_VENDOR;
    }

    public int code() {
        return code;
    }

    /** Vendor-ID, 0 when the V flag is clear. */
    public long vendorId() {
        return vendorId & 0xFFFF_FFFFL;
    }

    public int flags() {
        return flags & 0xFF;
    }

    public boolean isVendorSpecific() {
        return (flags & FLAG_VENDOR) != 0;
    }

    public boolean isMandatory() {
        return (flags & FLAG_MANDATORY) != 0;
    }

    public boolean isProtected() {
        return (flags & FLAG_PROTECTED) != 0;
    }

    /** The AVP Length field: header plus data, without padding. */
    public int length() {
        return headerLength() + dataLength;
    }

    /** Octets this AVP takes on the wire, padding included. */
    public int paddedLength() {
        return (length() + 3) & ~3;
    }

    public int dataLength() {
        return dataLength;
    }

    public boolean is(AvpDefinition definition) {
        return code == definition.code() && vendorId() == definition.vendorId();
    }

    /** Whether this AVP was decoded or built as Grouped, so {@link #asGrouped()} works. */
    public boolean isGrouped() {
        return members != null;
    }

    /** A read-only view of the data, without copying for leaf AVPs. */
    public ByteBuffer data() {
        if (source == null) {
            return ByteBuffer.wrap(asOctets()).asReadOnlyBuffer();
        }
        return ByteBuffer.wrap(source, dataOffset, dataLength).slice().asReadOnlyBuffer();
    }

    /** A copy of the data (for Grouped AVPs, the encoded members). */
    public byte[] asOctets() {
        if (source != null) {
            return Arrays.copyOfRange(source, dataOffset, dataOffset + dataLength);
        }
        byte[] data = new byte[dataLength];
        ByteBuf target = Unpooled.wrappedBuffer(data).clear();
        for (Avp member : members) {
            member.writeTo(target);
        }
        return data;
    }

    public int asInteger32() {
        requireLength(4, "Integer32");
        return AvpData.readInt(source, dataOffset);
    }

    public long asInteger64() {
        requireLength(8, "Integer64");
        return AvpData.readLong(source, dataOffset);
    }

    public long asUnsigned32() {
        requireLength(4, "Unsigned32");
        return AvpData.readInt(source, dataOffset) & 0xFFFF_FFFFL;
    }

    /** The 64 bits as a long; values above {@code Long.MAX_VALUE} read as negative (use Long's unsigned helpers). */
    public long asUnsigned64() {
        requireLength(8, "Unsigned64");
        return AvpData.readLong(source, dataOffset);
    }

    public float asFloat32() {
        requireLength(4, "Float32");
        return Float.intBitsToFloat(AvpData.readInt(source, dataOffset));
    }

    public double asFloat64() {
        requireLength(8, "Float64");
        return Double.longBitsToDouble(AvpData.readLong(source, dataOffset));
    }

    public int asEnumerated() {
        requireLength(4, "Enumerated");
        return AvpData.readInt(source, dataOffset);
    }

    /** The data as UTF-8 text (UTF8String, DiameterIdentity, IPFilterRule, or text in an OctetString). */
    public String asUtf8() {
        requireLeaf("text");
        return new String(source, dataOffset, dataLength, StandardCharsets.UTF_8);
    }

    public String asDiameterIdentity() {
        return asUtf8();
    }

    public String asIpFilterRule() {
        return asUtf8();
    }

    public DiameterUri asDiameterUri() {
        return DiameterUri.parse(asUtf8());
    }

    public DiameterAddress asAddress() {
        requireLeaf("Address");
        return DiameterAddress.decode(source, dataOffset, dataLength);
    }

    public Instant asTime() {
        requireLength(4, "Time");
        return AvpData.ntpSecondsToInstant(AvpData.readInt(source, dataOffset));
    }

    /** The members of a Grouped AVP. */
    public List<Avp> asGrouped() {
        if (members == null) {
            throw new IllegalStateException("AVP " + Integer.toUnsignedString(code)
                    + " was not decoded as Grouped (is it in the dictionary?)");
        }
        return members;
    }

    /** The first member AVP of {@code definition}. */
    public Optional<Avp> avp(AvpDefinition definition) {
        return AvpLookup.first(asGrouped(), definition.code(), definition.vendorId());
    }

    public Optional<Avp> avp(int memberCode, long memberVendorId) {
        return AvpLookup.first(asGrouped(), memberCode, memberVendorId);
    }

    public List<Avp> avps(AvpDefinition definition) {
        return AvpLookup.all(asGrouped(), definition.code(), definition.vendorId());
    }

    /** Follows {@code path} through nested Grouped members, e.g. {@code find(SIP_DIGEST_AUTHENTICATE, DIGEST_HA1)}. */
    public Optional<Avp> find(AvpDefinition... path) {
        return AvpLookup.path(asGrouped(), path);
    }

    /** Writes header, data and padding. */
    public void writeTo(ByteBuf out) {
        out.writeInt(code);
        out.writeByte(flags);
        out.writeMedium(length());
        if (vendorId != 0) {
            out.writeInt(vendorId);
        }
        int padding = paddedLength() - length();
        if (source == null) {
            for (Avp member : members) {
                member.writeTo(out);
            }
            out.writeZero(padding);
        } else {
            out.writeBytes(source, dataOffset, dataLength + paddingInSource);
            out.writeZero(padding - paddingInSource);
        }
    }

    private int headerLength() {
        return vendorId != 0 ? VENDOR_HEADER_LENGTH : HEADER_LENGTH;
    }

    private void requireLength(int expected, String format) {
        requireLeaf(format);
        if (dataLength != expected) {
            throw new IllegalStateException("AVP " + Integer.toUnsignedString(code) + " has " + dataLength
                    + " data octets; " + format + " needs " + expected);
        }
    }

    private void requireLeaf(String format) {
        if (source == null) {
            throw new IllegalStateException("AVP " + Integer.toUnsignedString(code) + " is Grouped, not " + format);
        }
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Avp other && code == other.code && flags == other.flags && vendorId == other.vendorId
                && dataLength == other.dataLength && Arrays.equals(asOctets(), other.asOctets());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code + vendorId) + dataLength;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Avp{").append(Integer.toUnsignedString(code));
        if (vendorId != 0) {
            sb.append('/').append(vendorId());
        }
        sb.append(isMandatory() ? " M" : "").append(" len=").append(length());
        if (members != null) {
            sb.append(' ').append(members);
        } else {
            int shown = Math.min(dataLength, 32);
            sb.append(" 0x").append(HexFormat.of().formatHex(source, dataOffset, dataOffset + shown));
            sb.append(dataLength > shown ? "…" : "");
        }
        return sb.append('}').toString();
    }
}
