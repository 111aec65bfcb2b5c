package io.osprey.sip.codec;

import io.netty.buffer.ByteBuf;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.uri.SipGrammar;
import java.nio.charset.StandardCharsets;

/**
 * Finds message boundaries on a stream (RFC 3261 §18.3): the empty line that ends the header section, then the
 * Content-Length, which is mandatory on streams. Reads the buffer in place, without copying.
 */
final class StreamFraming {

    private StreamFraming() {
    }

    /** Index just past the empty line ending a head, searching {@code in[from, to)}; -1 when not there yet. */
    static int headEnd(ByteBuf in, int from, int to) {
        int i = from;
        while (i < to) {
            int nl = in.indexOf(i, to, (byte) '\n');
            if (nl < 0) {
                return -1;
            }
            if (nl + 1 < to && in.getByte(nl + 1) == '\n') {
                return nl + 2;
            }
            if (nl + 2 < to && in.getByte(nl + 1) == '\r' && in.getByte(nl + 2) == '\n') {
                return nl + 3;
            }
            i = nl + 1;
        }
        return -1;
    }

    /** Whether the bytes at {@code start} begin a Status-Line. */
    static boolean looksLikeResponse(ByteBuf in, int start, int end) {
        byte[] first = new byte[Math.min(4, end - start)];
        in.getBytes(start, first);
        return StartLine.looksLikeResponse(first, 0, first.length);
    }

    /**
     * The Content-Length of the head {@code in[start, headEnd)}.
     *
     * @throws SipParseException when it is missing, repeated, malformed or over the body limit
     */
    static int contentLength(ByteBuf in, int start, int headEnd, SipLimits limits, boolean request) {
        int pos = in.indexOf(start, headEnd, (byte) '\n') + 1;
        int found = -1;
        while (pos > 0 && pos < headEnd) {
            int nl = in.indexOf(pos, headEnd, (byte) '\n');
            int lineEnd = nl < 0 ? headEnd : nl;
            if (lineEnd == pos || (lineEnd == pos + 1 && in.getByte(pos) == '\r')) {
                break;
            }
            int valueStart = contentLengthValueStart(in, pos, lineEnd);
            if (valueStart >= 0) {
                if (found >= 0) {
                    throw ParseContext.bad("Content-Length", "more than one Content-Length", "", request);
                }
                StringBuilder value = new StringBuilder(16);
                append(in, valueStart, lineEnd, value);
                int next = lineEnd + 1;
                while (next < headEnd && isWsp(in.getByte(next))) {
                    int nextNl = in.indexOf(next, headEnd, (byte) '\n');
                    lineEnd = nextNl < 0 ? headEnd : nextNl;
                    append(in, next, lineEnd, value.append(' '));
                    next = lineEnd + 1;
                }
                found = SipParser.contentLength(value.toString().strip(), limits.maxBodySize(), request);
            }
            pos = lineEnd + 1;
        }
        if (found < 0) {
            throw ParseContext.bad("Content-Length", "missing on a stream transport", "", request);
        }
        return found;
    }

    /** If the line at {@code pos} is a Content-Length field, the index after its colon; else -1. */
    private static int contentLengthValueStart(ByteBuf in, int pos, int lineEnd) {
        int n = pos;
        while (n < lineEnd && SipGrammar.isToken(in.getByte(n))) {
            n++;
        }
        int nameLength = n - pos;
        if (nameLength != 1 && nameLength != 14) {
            return -1;
        }
        byte[] name = new byte[nameLength];
        in.getBytes(pos, name);
        if (SipHeaderName.lookup(name, 0, nameLength) != SipHeaderName.CONTENT_LENGTH) {
            return -1;
        }
        while (n < lineEnd && isWsp(in.getByte(n))) {
            n++;
        }
        return n < lineEnd && in.getByte(n) == ':' ? n + 1 : -1;
    }

    private static void append(ByteBuf in, int from, int to, StringBuilder sb) {
        int end = to > from && in.getByte(to - 1) == '\r' ? to - 1 : to;
        sb.append(in.toString(from, end - from, StandardCharsets.ISO_8859_1));
    }

    private static boolean isWsp(byte b) {
        return b == ' ' || b == '\t';
    }
}
