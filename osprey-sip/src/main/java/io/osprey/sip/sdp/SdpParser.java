package io.osprey.sip.sdp;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Parses SDP (RFC 8866) into a {@link SessionDescription}. Checks the {@link SdpLimits} as it reads, accepts
 * CRLF or LF line ends, and checks the field order of RFC 8866 §5 (v, o, s, i, u, e, p, c, b, t/r, z, k, a,
 * then media descriptions of m, i, c, b, k, a). In {@link SdpParseMode#STRICT} any deviation is an
 * {@link SdpParseException}; in {@link SdpParseMode#LENIENT} the deviations named in {@link SdpCompliance} are
 * tolerated and counted. Text is UTF-8 (RFC 8866 §5 default charset); malformed UTF-8 is an error.
 *
 * <p>Instances hold only configuration and may be shared between threads.
 */
public final class SdpParser {

    private static final SdpParser STRICT = new SdpParser(SdpLimits.DEFAULT, SdpParseMode.STRICT);
    private static final SdpParser LENIENT = new SdpParser(SdpLimits.DEFAULT, SdpParseMode.LENIENT);

    private final SdpLimits limits;
    private final SdpParseMode mode;

    public SdpParser(SdpLimits limits, SdpParseMode mode) {
        this.limits = limits;
        this.mode = mode;
    }

    /** A strict parser with {@link SdpLimits#DEFAULT}. */
    public static SdpParser strict() {
        return STRICT;
    }

    /** A lenient parser with {@link SdpLimits#DEFAULT}. */
    public static SdpParser lenient() {
        return LENIENT;
    }

    public SdpLimits limits() {
        return limits;
    }

    public SdpParseMode mode() {
        return mode;
    }

    /** Parses UTF-8 SDP octets, such as a SIP message body. */
    public SessionDescription parse(byte[] sdp) {
        return parseWithReport(sdp).description();
    }

    public SessionDescription parse(String sdp) {
        return parseWithReport(sdp).description();
    }

    /** Parses and also reports which tolerated deviations occurred. */
    public SdpParseResult parseWithReport(byte[] sdp) {
        checkSize(sdp.length);
        return parseText(decode(sdp));
    }

    public SdpParseResult parseWithReport(String sdp) {
        checkSize(sdp.length());
        return parseText(sdp);
    }

    private void checkSize(int size) {
        if (size > limits.maxBytes()) {
            throw new SdpParseException(0, "maxBytes", Integer.toString(size),
                    "description size exceeds limit " + limits.maxBytes());
        }
    }

    private SdpParseResult parseText(String text) {
        SdpReader reader = new SdpReader(limits, mode);
        int length = text.length();
        int position = 0;
        int lineNumber = 0;
        while (position < length) {
            lineNumber++;
            if (lineNumber > limits.maxLines()) {
                throw new SdpParseException(lineNumber, "maxLines", Integer.toString(lineNumber),
                        "line count exceeds limit " + limits.maxLines());
            }
            int lineFeed = text.indexOf('\n', position);
            int end = lineFeed < 0 ? length : lineFeed;
            int contentEnd = end;
            if (lineFeed < 0) {
                reader.tolerate(SdpCompliance.MISSING_FINAL_LINE_END);
            } else if (end > position && text.charAt(end - 1) == '\r') {
                contentEnd = end - 1;
            } else {
                reader.tolerate(SdpCompliance.LF_LINE_END);
            }
            if (contentEnd - position > limits.maxLineLength()) {
                throw new SdpParseException(lineNumber, "maxLineLength", text.substring(position, Math.min(contentEnd, position + 16)),
                        "line length " + (contentEnd - position) + " exceeds limit " + limits.maxLineLength());
            }
            reader.line(lineNumber, text.substring(position, contentEnd));
            position = end + 1;
        }
        return reader.finish(lineNumber);
    }

    private static String decode(byte[] sdp) {
        boolean ascii = true;
        for (byte b : sdp) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(sdp, StandardCharsets.US_ASCII);
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(sdp);
        CharBuffer out = CharBuffer.allocate(sdp.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                if (sdp[i] == '\n') {
                    line++;
                }
            }
            String octet = in.position() < sdp.length ? String.format("0x%02x", sdp[in.position()] & 0xff) : "";
            throw new SdpParseException(line, "charset", octet,
                    "malformed UTF-8 at octet " + in.position());
        }
        return out.flip().toString();
    }
}
