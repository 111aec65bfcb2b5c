package io.osprey.diameter.codec;

import static io.osprey.diameter.dictionary.AvpDefinition.FLAG_VENDOR;

import io.netty.buffer.ByteBuf;
import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.AvpType;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.DiameterDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.AvpData;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.DiameterUri;
import io.osprey.diameter.message.EndToEndId;
import io.osprey.diameter.message.HopByHopId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes one complete Diameter message (RFC 6733 §3, §4) from a frame. The frame is copied once into a heap
 * array that all AVPs of the message share. AVPs the dictionary knows are checked against their data format
 * (fixed lengths → 5014, bad UTF-8, DiameterIdentity or DiameterURI → 5004) and Grouped ones are decoded
 * into members; unknown AVPs are kept raw. The members of Failed-AVP are copies of faulty AVPs, so they are
 * framed but not checked, and a Failed-AVP whose members do not even frame stays raw. Every failure is a {@link DiameterDecodeException}. Whether an
 * unknown AVP with the M bit is acceptable is the {@link DiameterValidator}'s call, since relays must pass it.
 */
public final class DiameterDecoder {

    private final DiameterDictionary dictionary;
    private final DiameterLimits limits;

    public DiameterDecoder(DiameterDictionary dictionary, DiameterLimits limits) {
        this.dictionary = dictionary;
        this.limits = limits;
    }

    /** The standard dictionary with default limits. */
    public DiameterDecoder() {
        this(DiameterDictionary.standard(), DiameterLimits.DEFAULT);
    }

    /** Decodes all readable bytes of {@code frame}; the length limit is checked before copying. */
    public DiameterMessage decode(ByteBuf frame) {
        int length = frame.readableBytes();
        if (length > limits.maxMessageLength()) {
            byte[] header = new byte[Math.min(length, DiameterMessage.HEADER_LENGTH)];
            frame.getBytes(frame.readerIndex(), header);
            throw tooLong(length).withPartialMessage(header.length == DiameterMessage.HEADER_LENGTH ? headerOnly(header) : null);
        }
        byte[] bytes = new byte[length];
        frame.readBytes(bytes);
        return decode(bytes);
    }

    /**
     * Decodes a frame that holds exactly one message. The message keeps a reference to {@code frame}; the
     * caller must not modify the array afterwards.
     */
    public DiameterMessage decode(byte[] frame) {
        if (frame.length < DiameterMessage.HEADER_LENGTH) {
            throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH, "message of " + frame.length
                    + " octets is shorter than the " + DiameterMessage.HEADER_LENGTH + "-octet header", null);
        }
        int version = frame[0] & 0xFF;
        int declared = AvpData.readUnsignedMedium(frame, 1);
        DiameterDecodeException headerError = null;
        if (version != DiameterMessage.VERSION) {
            headerError = new DiameterDecodeException(ResultCodes.DIAMETER_UNSUPPORTED_VERSION,
                    "version " + version + " is not " + DiameterMessage.VERSION, null);
        } else if (declared != frame.length) {
            headerError = new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH,
                    "Message Length " + declared + " differs from the frame length " + frame.length, null);
        } else if (declared % 4 != 0) {
            headerError = new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH,
                    "Message Length " + declared + " is not a multiple of 4", null);
        } else if (declared > limits.maxMessageLength()) {
            headerError = tooLong(declared);
        } else if ((frame[4] & DiameterMessage.FLAG_REQUEST) != 0 && (frame[4] & DiameterMessage.FLAG_ERROR) != 0) {
            headerError = new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_HDR_BITS,
                    "the E bit is set in a request", null);
        }
        if (headerError != null) {
            throw headerError.withPartialMessage(headerOnly(frame));
        }
        List<Avp> avps = new ArrayList<>();
        try {
            decodeAvps(frame, DiameterMessage.HEADER_LENGTH, frame.length, 0, avps, new int[1], false);
        } catch (DiameterDecodeException e) {
            throw e.withPartialMessage(withHeaderOf(frame, avps));
        }
        return withHeaderOf(frame, avps);
    }

    /** The header fields of the first 20 octets, without AVPs. */
    static DiameterMessage headerOnly(byte[] header) {
        return withHeaderOf(header, List.of());
    }

    private static DiameterMessage withHeaderOf(byte[] b, List<Avp> avps) {
        return DiameterMessage.of(b[4] & 0xFF, AvpData.readUnsignedMedium(b, 5), AvpData.readInt(b, 8) & 0xFFFF_FFFFL,
                new HopByHopId(AvpData.readInt(b, 12)), new EndToEndId(AvpData.readInt(b, 16)), avps);
    }

    private DiameterDecodeException tooLong(int length) {
        return new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_MESSAGE_LENGTH,
                "Message Length " + length + " exceeds the limit " + limits.maxMessageLength(), null);
    }

    /**
     * Decodes the AVPs in {@code [start, end)}. In {@code opaque} mode (inside Failed-AVP, whose members are by
     * definition faulty copies) values are not checked and a structural fault is left to the caller.
     */
    private void decodeAvps(byte[] b, int start, int end, int depth, List<Avp> out, int[] count, boolean opaque) {
        int p = start;
        while (p < end) {
            int remaining = end - p;
            if (remaining < Avp.HEADER_LENGTH) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_AVP_LENGTH, "AVP header at offset " + p
                        + " needs " + Avp.HEADER_LENGTH + " octets, " + remaining + " remain", truncatedHeader(b, p, remaining));
            }
            int code = AvpData.readInt(b, p);
            int flags = b[p + 4] & 0xFF;
            int length = AvpData.readUnsignedMedium(b, p + 5);
            boolean vendorFlag = (flags & FLAG_VENDOR) != 0;
            int headerLength = vendorFlag ? Avp.VENDOR_HEADER_LENGTH : Avp.HEADER_LENGTH;
            if (remaining < headerLength) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_AVP_LENGTH, "AVP " + unsigned(code)
                        + " at offset " + p + " needs a " + headerLength + "-octet header, " + remaining + " remain",
                        truncatedHeader(b, p, remaining));
            }
            long vendorId = vendorFlag ? AvpData.readInt(b, p + 8) & 0xFFFF_FFFFL : 0;
            if (vendorFlag && vendorId == 0) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_AVP_BITS, "AVP " + unsigned(code)
                        + " at offset " + p + " has the V bit set with Vendor-ID 0", Avp.raw(code, flags, 0, new byte[0]));
            }
            AvpDefinition def = dictionary.avp(code, vendorId);
            if (length < headerLength || length > remaining) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_AVP_LENGTH, "AVP " + name(def, code)
                        + " at offset " + p + " has AVP Length " + length + "; allowed " + headerLength + ".." + remaining,
                        Avp.raw(code, flags, vendorId, new byte[def != null ? def.type().minimumLength() : 0]));
            }
            if (++count[0] > limits.maxAvpCount()) {
                throw new DiameterDecodeException(ResultCodes.DIAMETER_UNABLE_TO_COMPLY,
                        "message has more than " + limits.maxAvpCount() + " AVPs", null);
            }
            int dataOffset = p + headerLength;
            int dataLength = length - headerLength;
            int next = p + ((length + 3) & ~3);
            int paddingInSource = next - p - length;
            if (next > end) {
                // Only the last member of a Grouped AVP may end unpadded; the group's own padding follows it.
                if (p + length != end) {
                    throw new DiameterDecodeException(ResultCodes.DIAMETER_INVALID_AVP_LENGTH, "AVP " + name(def, code)
                            + " at offset " + p + " leaves " + (end - p - length) + " stray octets before the end of its"
                            + " Grouped AVP", Avp.decoded(code, flags, vendorId, b, dataOffset, dataLength, 0, null));
                }
                next = end;
                paddingInSource = 0;
            }
            List<Avp> members = null;
            if (def != null && def.type() == AvpType.GROUPED) {
                if (depth >= limits.maxGroupedDepth()) {
                    throw new DiameterDecodeException(ResultCodes.DIAMETER_UNABLE_TO_COMPLY, "Grouped AVP " + def
                            + " nests deeper than the limit " + limits.maxGroupedDepth(),
                            Avp.raw(code, flags, vendorId, new byte[0]));
                }
                if (opaque || def.key() == BaseDictionary.FAILED_AVP.key()) {
                    members = opaqueMembers(b, dataOffset, dataLength, depth, count);
                } else {
                    members = new ArrayList<>();
                    try {
                        decodeAvps(b, dataOffset, dataOffset + dataLength, depth + 1, members, count, false);
                    } catch (DiameterDecodeException e) {
                        throw e.withinGroup(code, flags, vendorId);
                    }
                }
            } else if (def != null && !opaque) {
                checkValue(def, b, dataOffset, dataLength, flags);
            }
            out.add(Avp.decoded(code, flags, vendorId, b, dataOffset, dataLength, paddingInSource, members));
            p = next;
        }
    }

    /** The members of a Failed-AVP-like group, or null to keep it raw when they do not even frame. */
    private List<Avp> opaqueMembers(byte[] b, int dataOffset, int dataLength, int depth, int[] count) {
        List<Avp> members = new ArrayList<>();
        try {
            decodeAvps(b, dataOffset, dataOffset + dataLength, depth + 1, members, count, true);
            return members;
        } catch (DiameterDecodeException e) {
            return null;
        }
    }

    private static void checkValue(AvpDefinition def, byte[] b, int offset, int length, int flags) {
        AvpType type = def.type();
        String problem = null;
        boolean lengthProblem = false;
        if (type.fixedLength() >= 0 && length != type.fixedLength()) {
            problem = "has " + length + " data octets; " + type + " needs " + type.fixedLength();
            lengthProblem = true;
        } else if (type == AvpType.ADDRESS) {
            int family = length < 2 ? -1 : (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
            int expected = family == 1 ? 6 : family == 2 ? 18 : -1;
            if (length < 2 || (expected > 0 && length != expected)) {
                problem = "has " + length + " data octets, wrong for an Address of family " + family;
                lengthProblem = true;
            }
        } else if (type == AvpType.UTF8_STRING && !AvpData.isValidUtf8(b, offset, length)) {
            problem = "is not valid UTF-8";
        } else if (type == AvpType.DIAMETER_IDENTITY && !AvpData.isValidDiameterIdentity(b, offset, length)) {
            problem = "is not a DiameterIdentity (non-empty printable ASCII)";
        } else if (type == AvpType.DIAMETER_URI) {
            problem = uriProblem(b, offset, length);
        }
        if (problem != null) {
            throw new DiameterDecodeException(lengthProblem ? ResultCodes.DIAMETER_INVALID_AVP_LENGTH
                    : ResultCodes.DIAMETER_INVALID_AVP_VALUE, "AVP " + def + " " + problem,
                    Avp.decoded(def.code(), flags, def.vendorId(), b, offset, length, 0, null));
        }
    }

    private static String uriProblem(byte[] b, int offset, int length) {
        if (!AvpData.isValidUtf8(b, offset, length)) {
            return "is not valid UTF-8";
        }
        try {
            DiameterUri.parse(new String(b, offset, length, StandardCharsets.UTF_8));
            return null;
        } catch (IllegalArgumentException e) {
            return "is not a DiameterURI: " + e.getMessage();
        }
    }

    /** RFC 6733 §7.5: a header cut short is reported zero-padded to the minimum header length. */
    private static Avp truncatedHeader(byte[] b, int p, int available) {
        byte[] header = new byte[Avp.HEADER_LENGTH];
        System.arraycopy(b, p, header, 0, Math.min(available, Avp.HEADER_LENGTH));
        return Avp.raw(AvpData.readInt(header, 0), header[4] & 0xFF & ~FLAG_VENDOR, 0, new byte[0]);
    }

    private static String name(AvpDefinition def, int code) {
        return def != null ? def.toString() : unsigned(code);
    }

    private static String unsigned(int code) {
        return Integer.toUnsignedString(code);
    }
}
