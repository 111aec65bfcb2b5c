package io.osprey.sip.message;

import io.netty.buffer.ByteBuf;
import io.osprey.sip.uri.SipGrammar;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One header field (RFC 3261 §7.3): a name and a value. A field read from the wire keeps a reference to its raw
 * line, which the encoder writes back unchanged, byte for byte (compact name, odd case, folding and all); its
 * value string is made only when asked for, unfolded (§7.3.1: a line fold is one SP) and trimmed. A field made
 * by code has no raw line and is written as {@code Name: value}.
 */
public final class SipHeader {

    private final String name;
    private final SipHeaderName known;
    private final byte[] src;
    private final int lineStart;
    private final int valueStart;
    /** End of the raw line; stored as {@code -end - 1} when the line may hold folds. */
    private final int lineEnd;
    private String value;

    private SipHeader(String name, SipHeaderName known, byte[] src, int lineStart, int valueStart, int lineEnd,
                      String value) {
        this.name = name;
        this.known = known;
        this.src = src;
        this.lineStart = lineStart;
        this.valueStart = valueStart;
        this.lineEnd = lineEnd;
        this.value = value;
    }

    /**
     * A header made by code. Known names are written in their long canonical form; the value is trimmed and must
     * not contain CR or LF (no folding and no header injection).
     *
     * @throws IllegalArgumentException when the name is not a token or the value holds CR or LF
     */
    public static SipHeader of(String name, String value) {
        if (!SipGrammar.isToken(name)) {
            throw new IllegalArgumentException("header name must be a token, was '" + name + "'");
        }
        SipHeaderName known = SipHeaderName.lookup(name);
        return of(known != null ? known.canonical() : name, known, value);
    }

    /** A header of a known name made by code; see {@link #of(String, String)}. */
    public static SipHeader of(SipHeaderName name, String value) {
        return of(name.canonical(), name, value);
    }

    private static SipHeader of(String name, SipHeaderName known, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("value of " + name + " must not contain CR or LF");
            }
        }
        return new SipHeader(name, known, null, 0, 0, 0, value.strip());
    }

    /**
     * A header read from the wire, for decoders: the raw line is {@code src[lineStart, lineEnd)} without its line
     * terminator (folds included), the name {@code src[lineStart, nameEnd)} (a token), the value starts after the
     * colon at {@code valueStart}. The array must never change afterwards.
     */
    public static SipHeader decoded(byte[] src, int lineStart, int nameEnd, int valueStart, int lineEnd,
                                    SipHeaderName known) {
        return decoded(src, lineStart, nameEnd, valueStart, lineEnd, known, true);
    }

    /** As {@link #decoded(byte[], int, int, int, int, SipHeaderName)}; {@code folded} false promises one line. */
    public static SipHeader decoded(byte[] src, int lineStart, int nameEnd, int valueStart, int lineEnd,
                                    SipHeaderName known, boolean folded) {
        String name = known != null ? known.canonical()
                : new String(src, lineStart, nameEnd - lineStart, StandardCharsets.ISO_8859_1);
        return new SipHeader(name, known, src, lineStart, valueStart, folded ? -lineEnd - 1 : lineEnd, null);
    }

    /** The name: the long canonical form for known headers ("Via" for "v"), as written for extension headers. */
    public String name() {
        return name;
    }

    /** The known header, or null for an extension header. */
    public SipHeaderName known() {
        return known;
    }

    /** Whether this field has the given name, compact and long forms alike, in any case. */
    public boolean is(String otherName) {
        return is(SipHeaderName.lookup(otherName), otherName);
    }

    /** {@link #is(String)} with the name already looked up ({@code otherKnown} null for extension headers). */
    boolean is(SipHeaderName otherKnown, String otherName) {
        return otherKnown != null ? otherKnown == known : known == null && name.equalsIgnoreCase(otherName);
    }

    /** The value, unfolded and trimmed; UTF-8 decoded. */
    public String value() {
        String v = value;
        if (v == null) {
            v = decodeValue();
            value = v;
        }
        return v;
    }

    /** The values: split on top-level commas for {@link SipHeaderName.Kind#LIST} headers, else the one value. */
    public List<String> values() {
        return known != null && known.isList() ? HeaderValues.split(value()) : List.of(value());
    }

    /** Whether the field carries its raw wire line, written back unchanged. */
    public boolean hasRawLine() {
        return src != null;
    }

    /** Length of the raw line without terminator; 0 when there is none. */
    public int rawLength() {
        return end() - lineStart;
    }

    private int end() {
        return lineEnd < 0 ? -lineEnd - 1 : lineEnd;
    }

    /** Writes the raw line without terminator. */
    public void writeRawTo(ByteBuf out) {
        out.writeBytes(src, lineStart, end() - lineStart);
    }

    private String decodeValue() {
        int start = valueStart;
        int end = end();
        while (start < end && isSpace(src[start])) {
            start++;
        }
        while (end > start && isSpace(src[end - 1])) {
            end--;
        }
        boolean folded = false;
        for (int i = start; i < end && lineEnd < 0; i++) {
            if (src[i] == '\n' || src[i] == '\r') {
                folded = true;
                break;
            }
        }
        if (!folded) {
            return new String(src, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = src[i];
            if (b == '\r' || b == '\n') {
                while (i + 1 < end && isSpace(src[i + 1])) {
                    i++;
                }
                out[n++] = ' ';
            } else {
                out[n++] = b;
            }
        }
        return new String(out, 0, n, StandardCharsets.UTF_8);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    /** {@code Name: value}. */
    @Override
    public String toString() {
        return name + ": " + value();
    }
}
