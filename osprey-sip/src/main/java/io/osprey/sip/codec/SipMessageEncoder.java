package io.osprey.sip.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMessage;
import java.nio.charset.StandardCharsets;

/**
 * Writes a {@link SipMessage} in wire form (RFC 3261 §7): start line, header fields, empty line, body.
 * Fields read from the wire and left unchanged are copied byte for byte from their raw lines. Content-Length is
 * always written and always equals the body length: a received field with the right value is kept as it was,
 * otherwise it is rewritten in place, or appended when the message had none.
 */
public final class SipMessageEncoder {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON_SP = {':', ' '};
    private static final byte[] CONTENT_LENGTH = "Content-Length: ".getBytes(StandardCharsets.US_ASCII);

    private SipMessageEncoder() {
    }

    /** Writes {@code message} to {@code out}. */
    public static void encode(SipMessage message, ByteBuf out) {
        writeUtf8(out, message.startLine());
        out.writeBytes(CRLF);
        int bodyLength = message.contentLength();
        boolean lengthWritten = false;
        for (int i = 0; i < message.headerCount(); i++) {
            SipHeader h = message.headerField(i);
            if (h.known() == SipHeaderName.CONTENT_LENGTH) {
                if (lengthWritten) {
                    continue;
                }
                lengthWritten = true;
                if (!h.hasRawLine() || !matches(h.value(), bodyLength)) {
                    writeContentLength(out, bodyLength);
                    continue;
                }
            }
            if (h.hasRawLine()) {
                h.writeRawTo(out);
            } else {
                writeUtf8(out, h.name());
                out.writeBytes(COLON_SP);
                writeUtf8(out, h.value());
            }
            out.writeBytes(CRLF);
        }
        if (!lengthWritten) {
            writeContentLength(out, bodyLength);
        }
        out.writeBytes(CRLF);
        if (bodyLength > 0) {
            out.writeBytes(message.body());
        }
    }

    /** The wire form of {@code message} in an array of exactly its length. */
    public static byte[] encode(SipMessage message) {
        byte[] bytes = new byte[encodedLength(message)];
        ByteBuf out = Unpooled.wrappedBuffer(bytes);
        out.writerIndex(0);
        encode(message, out);
        if (out.writerIndex() != bytes.length) {
            throw new IllegalStateException("encoded " + out.writerIndex() + " octets, expected " + bytes.length);
        }
        return bytes;
    }

    /** The number of octets {@link #encode(SipMessage, ByteBuf)} writes. */
    public static int encodedLength(SipMessage message) {
        int n = ByteBufUtil.utf8Bytes(message.startLine()) + 2;
        int bodyLength = message.contentLength();
        boolean lengthWritten = false;
        for (int i = 0; i < message.headerCount(); i++) {
            SipHeader h = message.headerField(i);
            if (h.known() == SipHeaderName.CONTENT_LENGTH) {
                if (lengthWritten) {
                    continue;
                }
                lengthWritten = true;
                if (!h.hasRawLine() || !matches(h.value(), bodyLength)) {
                    n += contentLengthLine(bodyLength);
                    continue;
                }
            }
            n += h.hasRawLine() ? h.rawLength() : h.name().length() + 2 + ByteBufUtil.utf8Bytes(h.value());
            n += 2;
        }
        if (!lengthWritten) {
            n += contentLengthLine(bodyLength);
        }
        return n + 2 + bodyLength;
    }

    private static boolean matches(String value, int length) {
        long n = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9' || n > Integer.MAX_VALUE) {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return !value.isEmpty() && n == length;
    }

    private static int contentLengthLine(int length) {
        return CONTENT_LENGTH.length + Integer.toString(length).length() + 2;
    }

    /** Exact-size write: Netty's writeCharSequence reserves three octets per character first. */
    private static void writeUtf8(ByteBuf out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeContentLength(ByteBuf out, int length) {
        out.writeBytes(CONTENT_LENGTH);
        writeUtf8(out, Integer.toString(length));
        out.writeBytes(CRLF);
    }
}
