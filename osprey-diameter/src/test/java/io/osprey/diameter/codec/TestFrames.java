package io.osprey.diameter.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.util.HexFormat;

/** Hex helpers for hand-written wire vectors. */
final class TestFrames {

    private TestFrames() {
    }

    /** Bytes of a hex string; spaces and line breaks are ignored. */
    static byte[] hex(String spaced) {
        return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
    }

    static String hexOf(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static String hexOf(Avp avp) {
        ByteBuf buf = Unpooled.buffer();
        avp.writeTo(buf);
        byte[] bytes = new byte[buf.readableBytes()];
        buf.readBytes(bytes);
        return hexOf(bytes);
    }

    /**
     * A message frame around {@code avpsHex}: version 1, the computed length, the given flags and command,
     * Application-ID 0, Hop-by-Hop 0x11111111, End-to-End 0x22222222.
     */
    static byte[] frame(int flags, int commandCode, String avpsHex) {
        byte[] avps = hex(avpsHex);
        ByteBuf buf = Unpooled.buffer();
        buf.writeByte(1);
        buf.writeMedium(DiameterMessage.HEADER_LENGTH + avps.length);
        buf.writeByte(flags);
        buf.writeMedium(commandCode);
        buf.writeInt(0);
        buf.writeInt(0x11111111);
        buf.writeInt(0x22222222);
        buf.writeBytes(avps);
        byte[] out = new byte[buf.readableBytes()];
        buf.readBytes(out);
        return out;
    }

    /** A DWR-coded request frame (R bit, command 280) around {@code avpsHex}. */
    static byte[] requestFrame(String avpsHex) {
        return frame(0x80, 280, avpsHex);
    }
}
