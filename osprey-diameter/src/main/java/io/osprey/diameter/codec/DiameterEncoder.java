package io.osprey.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;

/**
 * Writes messages in the RFC 6733 §3 layout: version 1, 24-bit length, flags, 24-bit command code,
 * Application-ID, Hop-by-Hop and End-to-End identifiers, then the padded AVPs. The length is known up front,
 * so the target buffer grows at most once.
 */
public final class DiameterEncoder {

    private static final int HOP_BY_HOP_OFFSET = 12;

    private DiameterEncoder() {
    }

    public static void encode(DiameterMessage message, ByteBuf out) {
        out.ensureWritable(message.length());
        out.writeByte(DiameterMessage.VERSION);
        out.writeMedium(message.length());
        out.writeByte(message.flags());
        out.writeMedium(message.commandCode());
        out.writeInt((int) message.applicationId());
        out.writeInt(message.hopByHopId().value());
        out.writeInt(message.endToEndId().value());
        for (Avp avp : message.avps()) {
            avp.writeTo(out);
        }
    }

    /** A buffer from {@code allocator} holding exactly the encoded message. */
    public static ByteBuf encode(DiameterMessage message, ByteBufAllocator allocator) {
        ByteBuf buf = allocator.buffer(message.length(), message.length());
        encode(message, buf);
        return buf;
    }

    public static byte[] toByteArray(DiameterMessage message) {
        byte[] bytes = new byte[message.length()];
        encode(message, Unpooled.wrappedBuffer(bytes).clear());
        return bytes;
    }

    /** A copy of the encoded message {@code encoded} under Hop-by-Hop Identifier {@code id} (header octets 12–15). */
    public static byte[] withHopByHopId(byte[] encoded, HopByHopId id) {
        byte[] copy = encoded.clone();
        Unpooled.wrappedBuffer(copy).setInt(HOP_BY_HOP_OFFSET, id.value());
        return copy;
    }
}
