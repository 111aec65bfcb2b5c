package io.osprey.sip.codec;

import static io.osprey.sip.codec.ParseContext.bad;
import static io.osprey.sip.codec.ParseContext.tooLarge;

import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.uri.SipGrammar;
import java.util.Arrays;

/**
 * The header lines between the start line and the empty line (RFC 3261 §7.3): each field is indexed in place
 * with its folded continuation lines (§7.3.1), its name looked up once, Content-Length read for framing, and the
 * header limits enforced as the lines go by.
 */
final class HeaderSection {

    private final ParseContext ctx;
    private final byte[] b;
    private final int headStart;
    private final int end;
    private final boolean request;
    private boolean lfAllowed;
    private SipHeader[] fields = new SipHeader[24];
    private int count;
    private int contentLength = -1;
    private int bodyStart;

    private int cur = -1;
    private int curNameEnd;
    private int curValueStart;
    private int curEnd;
    private SipHeaderName curKnown;
    private boolean curBareLf;
    private boolean curFolded;

    /** {@code lfAllowed} true when an LF-only line end was already accepted (and counted) for this message. */
    HeaderSection(ParseContext ctx, byte[] b, int headStart, int end, boolean request, boolean lfAllowed) {
        this.ctx = ctx;
        this.b = b;
        this.headStart = headStart;
        this.end = end;
        this.request = request;
        this.lfAllowed = lfAllowed;
    }

    /** Parses from {@code from} (the line after the start line) through the empty line. */
    void parse(int from) {
        SipLimits limits = ctx.limits();
        int headLimit = (int) Math.min(end, (long) headStart + limits.maxHeaderBytes());
        int pos = from;
        boolean prevBareLf = false;
        while (true) {
            int nl = LineScanner.lineEnd(b, pos, headLimit, request);
            if (nl < 0) {
                if (headLimit < end) {
                    throw tooLarge(513, "message", "header section too large", end - headStart,
                            limits.maxHeaderBytes(), request);
                }
                throw bad("message", "header section not ended by an empty line", "", request);
            }
            boolean bareLf = nl == pos || b[nl - 1] != '\r';
            if (bareLf && !lfAllowed) {
                lfAllowed = ctx.allow(SipCompliance.LF_LINE_ENDS);
                if (!lfAllowed) {
                    throw bad("message", "line ends with LF instead of CRLF", "", request);
                }
            }
            int contentEnd = bareLf ? nl : nl - 1;
            if (contentEnd == pos) {
                finish();
                bodyStart = nl + 1;
                return;
            }
            if (b[pos] == ' ' || b[pos] == '\t') {
                if (cur < 0) {
                    throw bad("message", "continuation line before the first header field", "", request);
                }
                curBareLf |= prevBareLf;
                curFolded = true;
            } else {
                finish();
                startField(pos, contentEnd);
            }
            curEnd = contentEnd;
            if (curEnd - cur > limits.maxHeaderLineLength()) {
                throw tooLarge(513, fieldName(), "header field too long", curEnd - cur,
                        limits.maxHeaderLineLength(), request);
            }
            prevBareLf = bareLf;
            pos = nl + 1;
        }
    }

    private void startField(int pos, int contentEnd) {
        int n = pos;
        while (n < contentEnd && SipGrammar.isToken(b[n])) {
            n++;
        }
        int nameEnd = n;
        while (n < contentEnd && (b[n] == ' ' || b[n] == '\t')) {
            n++;
        }
        if (nameEnd == pos || n == contentEnd || b[n] != ':') {
            throw bad("header line", "malformed field name or missing colon",
                    StartLine.latin1(b, pos, contentEnd), request);
        }
        cur = pos;
        curNameEnd = nameEnd;
        curValueStart = n + 1;
        curKnown = SipHeaderName.lookup(b, pos, nameEnd - pos);
        curBareLf = false;
        curFolded = false;
    }

    private String fieldName() {
        return curKnown != null ? curKnown.canonical() : StartLine.latin1(b, cur, curNameEnd);
    }

    private void finish() {
        if (cur < 0) {
            return;
        }
        int max = ctx.limits().maxHeaderCount();
        if (count == max) {
            throw tooLarge(513, "message", "too many header fields", count + 1L, max, request);
        }
        SipHeader h = SipHeader.decoded(b, cur, curNameEnd, curValueStart, curEnd, curKnown, curFolded);
        if (curBareLf) {
            // Folded with bare LFs: rewritten with CRLF, so the value must survive decoding unchanged.
            h = SipHeader.of(h.name(), SipParser.requireUtf8(h.name(), h.value(), request));
        }
        if (curKnown == SipHeaderName.CONTENT_LENGTH) {
            if (contentLength >= 0) {
                throw bad("Content-Length", "more than one Content-Length", h.value(), request);
            }
            contentLength = SipParser.contentLength(h.value(), ctx.limits().maxBodySize(), request);
        }
        if (count == fields.length) {
            fields = Arrays.copyOf(fields, count * 2);
        }
        fields[count++] = h;
        cur = -1;
    }

    SipHeader[] fields() {
        return fields;
    }

    int count() {
        return count;
    }

    int contentLength() {
        return contentLength;
    }

    int bodyStart() {
        return bodyStart;
    }
}
