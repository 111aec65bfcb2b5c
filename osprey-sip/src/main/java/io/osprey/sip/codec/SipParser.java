package io.osprey.sip.codec;

import static io.osprey.sip.codec.ParseContext.bad;
import static io.osprey.sip.codec.ParseContext.tooLarge;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.SipGrammar;
import java.util.Arrays;
import java.util.List;

/**
 * Parses one SIP message from an array in a single pass (RFC 3261 §7): start line, header lines (folding,
 * compact forms), then the body framed by Content-Length (§7.5, §18.3, §20.14). Header fields are indexed, not
 * copied: each keeps its raw line in the array, which becomes the message's storage. The core fields (Via, From,
 * To, Call-ID, CSeq, Max-Forwards) are then parsed, so that a message either comes out with all of them
 * well-formed or is refused with a {@link SipParseException}.
 */
final class SipParser {

    private final ParseContext ctx;

    SipParser(ParseContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Parses {@code b[off, off+len)}, which the message then owns.
     *
     * @param datagram true for a UDP datagram: Content-Length may be absent (the body is the rest) and bytes after
     *                 the body are ignored; false for a stream frame cut to exactly one message
     * @return the message, or null when the input holds only CR and LF octets (keep-alives)
     */
    SipMessage parse(byte[] b, int off, int len, boolean datagram) {
        int end = off + len;
        int pos = off;
        while (pos < end && (b[pos] == '\r' || b[pos] == '\n')) {
            pos++;
        }
        if (pos == end) {
            return null;
        }
        boolean request = !StartLine.looksLikeResponse(b, pos, end);
        try {
            return parseMessage(b, pos, end, datagram, request);
        } catch (SipParseException e) {
            throw request ? e.withEcho(Salvage.echoHeaders(b, pos, end, ctx.limits())) : e;
        }
    }

    private SipMessage parseMessage(byte[] b, int start, int end, boolean datagram, boolean request) {
        SipLimits limits = ctx.limits();
        int startLimit = Math.min(end, start + limits.maxStartLineLength() + 2);
        int nl = LineScanner.lineEnd(b, start, startLimit, request);
        if (nl < 0) {
            if (startLimit < end) {
                throw tooLarge(request ? 414 : 513, request ? "Request-Line" : "Status-Line", "start line too long",
                        end - start, limits.maxStartLineLength(), request);
            }
            throw bad("message", "no line end after the start line", "", request);
        }
        boolean lfOnly = nl == start || b[nl - 1] != '\r';
        if (lfOnly && !ctx.allow(SipCompliance.LF_LINE_ENDS)) {
            throw bad("message", "line ends with LF instead of CRLF", "", request);
        }
        int contentEnd = lfOnly ? nl : nl - 1;
        StartLine line = request ? StartLine.parseRequest(b, start, contentEnd, ctx)
                : StartLine.parseStatus(b, start, contentEnd, ctx);
        HeaderSection head = new HeaderSection(ctx, b, start, end, request, lfOnly);
        head.parse(nl + 1);
        int bodyStart = head.bodyStart();
        int available = end - bodyStart;
        int bodyLength;
        if (head.contentLength() >= 0) {
            if (head.contentLength() > available) {
                throw new SipParseException(400, "Content-Length", "larger than the octets that follow",
                        Integer.toString(head.contentLength()), available, request, List.of());
            }
            bodyLength = head.contentLength();
        } else if (!datagram) {
            throw bad("Content-Length", "missing on a stream transport", "", request);
        } else if (!ctx.allow(SipCompliance.MISSING_CONTENT_LENGTH)) {
            throw bad("Content-Length", "missing", "", request);
        } else if (available > limits.maxBodySize()) {
            throw tooLarge(413, "message", "body too large", available, limits.maxBodySize(), request);
        } else {
            bodyLength = available;
        }
        SipHeader[] fields = Arrays.copyOf(head.fields(), head.count());
        SipMessage message = line.isRequest()
                ? SipRequest.fromParts(line.method(), line.requestUri(), fields, b, bodyStart, bodyLength, ctx.syntax())
                : SipResponse.fromParts(line.statusCode(), line.reasonPhrase(), fields, b, bodyStart, bodyLength,
                ctx.syntax());
        return checkCoreHeaders(message, request);
    }

    /** Parses the fields every layer reads, so that failures surface here as a 400, and repairs From/To. */
    private SipMessage checkCoreHeaders(SipMessage message, boolean request) {
        try {
            message.vias();
            message.callId();
            message.cseq();
            message.maxForwards();
            NameAddress from = message.from();
            NameAddress to = message.to();
            boolean fromRepaired = repaired("From", from, request);
            boolean toRepaired = repaired("To", to, request);
            if (!fromRepaired && !toRepaired) {
                return message;
            }
            SipMessage.Builder<? extends SipMessage, ?> fixed = message.toBuilder();
            if (fromRepaired) {
                fixed.set("From", requireUtf8("From", from.toString(), request));
            }
            if (toRepaired) {
                fixed.set("To", requireUtf8("To", to.toString(), request));
            }
            return fixed.build();
        } catch (SipSyntaxException e) {
            throw SipParseException.of(e, request);
        }
    }

    private boolean repaired(String field, NameAddress value, boolean request) {
        if (value == null || value.repairs().isEmpty()) {
            return false;
        }
        for (NameAddress.Repair repair : value.repairs()) {
            SipCompliance deviation = repair == NameAddress.Repair.SPACES_IN_ADDR_SPEC
                    ? SipCompliance.SPACES_IN_ADDR_SPEC : SipCompliance.URI_HEADERS_WITHOUT_ANGLE_BRACKETS;
            if (!ctx.allow(deviation)) {
                throw bad(field, deviation == SipCompliance.SPACES_IN_ADDR_SPEC ? "whitespace inside <>"
                        : "URI with headers must be enclosed in <>", value.toString(), request);
            }
        }
        return true;
    }

    /**
     * Returns {@code value} unless it holds U+FFFD, the mark of octets that were not UTF-8: a field rewritten from
     * such a value would not carry the octets received.
     */
    static String requireUtf8(String field, String value, boolean request) {
        if (value.indexOf('\uFFFD') >= 0) {
            throw bad(field, "value is not UTF-8", value, request);
        }
        return value;
    }

    /** Parses a Content-Length value: 1*DIGIT up to {@code maxBody}. */
    static int contentLength(CharSequence value, int maxBody, boolean request) {
        int len = value.length();
        if (len == 0 || !SipGrammar.isAll(value, 0, len, SipGrammar.DIGIT)) {
            String why = len > 0 && value.charAt(0) == '-' ? "negative value" : "not a number";
            throw bad("Content-Length", why, value, request);
        }
        long n = 0;
        for (int i = 0; i < len && n <= maxBody; i++) {
            n = n * 10 + (value.charAt(i) - '0');
        }
        if (n > maxBody) {
            throw new SipParseException(413, "Content-Length", "body too large", value, maxBody, request,
                    List.of());
        }
        return (int) n;
    }
}
