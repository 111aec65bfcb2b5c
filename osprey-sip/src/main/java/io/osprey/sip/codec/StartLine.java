package io.osprey.sip.codec;

import static io.osprey.sip.codec.ParseContext.bad;

import io.osprey.sip.uri.SipGrammar;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import io.osprey.sip.uri.UriSyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A parsed start line (RFC 3261 §7.1 Request-Line, §7.2 Status-Line). Request lines must be
 * {@code Method SP Request-URI SP SIP/2.0}; another SIP version is answered with 505 (RFC 4475 §3.1.2.16);
 * extra SP and escaped URI headers are tolerated only as the {@link CompliancePolicy} allows.
 */
record StartLine(String method, Uri requestUri, int statusCode, String reasonPhrase) {

    private static final byte[] SIP_2_0 = "SIP/2.0".getBytes(StandardCharsets.US_ASCII);

    boolean isRequest() {
        return method != null;
    }

    /** Whether the line at {@code b[s, e)} starts like a Status-Line ("SIP/", any case). */
    static boolean looksLikeResponse(byte[] b, int s, int e) {
        return e - s >= 4 && (b[s] | 0x20) == 's' && (b[s + 1] | 0x20) == 'i' && (b[s + 2] | 0x20) == 'p'
                && b[s + 3] == '/';
    }

    static StartLine parseRequest(byte[] b, int s, int e, ParseContext ctx) {
        int p = s;
        while (p < e && SipGrammar.isToken(b[p])) {
            p++;
        }
        if (p == s || p == e || b[p] != ' ') {
            throw bad("Request-Line", "malformed method or missing SP", latin1(b, s, e), true);
        }
        String method = latin1(b, s, p);
        int q = e;
        while (q > p && b[q - 1] == ' ') {
            q--;
        }
        if (q < e && !ctx.allow(SipCompliance.TRAILING_SP_IN_START_LINE)) {
            throw bad("Request-Line", "SP after the SIP version", latin1(b, s, e), true);
        }
        int v = q - 1;
        while (v > p && b[v] != ' ') {
            v--;
        }
        if (v <= p) {
            throw bad("Request-Line", "missing Request-URI or SIP version", latin1(b, s, e), true);
        }
        checkVersion(b, v + 1, q, true);
        int us = p + 1;
        int ue = v;
        boolean extraSpace = false;
        while (us < ue && b[us] == ' ') {
            us++;
            extraSpace = true;
        }
        while (ue > us && b[ue - 1] == ' ') {
            ue--;
            extraSpace = true;
        }
        if (extraSpace && !ctx.allow(SipCompliance.MULTIPLE_SP_IN_START_LINE)) {
            throw bad("Request-Line", "more than one SP between elements", latin1(b, s, e), true);
        }
        if (us == ue) {
            throw bad("Request-Line", "missing Request-URI", latin1(b, s, e), true);
        }
        return new StartLine(method, requestUri(b, us, ue, ctx), 0, null);
    }

    private static Uri requestUri(byte[] b, int us, int ue, ParseContext ctx) {
        if (ue - us > ctx.syntax().maxUriLength()) {
            throw ParseContext.tooLarge(414, "Request-URI", "Request-URI too long", ue - us,
                    ctx.syntax().maxUriLength(), true);
        }
        for (int i = us; i < ue; i++) {
            if (b[i] <= ' ' || b[i] == 0x7F) {
                throw bad("Request-URI", "whitespace or control character inside", latin1(b, us, ue), true);
            }
        }
        String text = latin1(b, us, ue);
        Uri uri;
        try {
            uri = UriParser.parse(text, ctx.syntax());
        } catch (UriSyntaxException x) {
            throw new SipParseException(x.limit() >= 0 ? 414 : 400, "Request-URI", x.reason(), text, x.limit(), true,
                    List.of());
        }
        if (uri instanceof SipUri sip && !sip.headers().isEmpty()) {
            if (!ctx.allow(SipCompliance.HEADERS_IN_REQUEST_URI)) {
                throw bad("Request-URI", "headers are not allowed in a Request-URI", text, true);
            }
            uri = sip.withoutHeaders();
        }
        return uri;
    }

    static StartLine parseStatus(byte[] b, int s, int e, ParseContext ctx) {
        int p = s + SIP_2_0.length;
        checkVersion(b, s, Math.min(p, e), false);
        if (p >= e || b[p] != ' ') {
            throw bad("Status-Line", "missing SP after the SIP version", latin1(b, s, e), false);
        }
        while (p + 1 < e && b[p + 1] == ' ') {
            if (!ctx.allow(SipCompliance.MULTIPLE_SP_IN_START_LINE)) {
                throw bad("Status-Line", "more than one SP between elements", latin1(b, s, e), false);
            }
            p++;
        }
        int cs = p + 1;
        if (e - cs < 3 || !isDigit(b[cs]) || !isDigit(b[cs + 1]) || !isDigit(b[cs + 2])
                || (e > cs + 3 && b[cs + 3] != ' ')) {
            throw bad("Status-Line", "status code must be 3 digits", latin1(b, s, e), false);
        }
        int code = (b[cs] - '0') * 100 + (b[cs + 1] - '0') * 10 + (b[cs + 2] - '0');
        if (code < 100 || code > 699) {
            throw bad("Status-Line", "status code out of range 100-699", latin1(b, s, e), false);
        }
        if (e == cs + 3 && !ctx.allow(SipCompliance.MISSING_REASON_PHRASE)) {
            throw bad("Status-Line", "missing SP before the reason phrase", latin1(b, s, e), false);
        }
        String reason = e > cs + 4 ? reasonPhrase(b, cs + 4, e) : "";
        for (int i = 0; i < reason.length(); i++) {
            if (reason.charAt(i) < ' ' && reason.charAt(i) != '\t') {
                throw bad("Status-Line", "control character in reason phrase", reason, false);
            }
        }
        return new StartLine(null, null, code, reason);
    }

    /** The reason phrase, which must be UTF-8 (RFC 3261 §25.1: TEXT-UTF8 octets, never 0xFE or 0xFF). */
    private static String reasonPhrase(byte[] b, int s, int e) {
        boolean ascii = true;
        for (int i = s; i < e && ascii; i++) {
            ascii = b[i] >= 0;
        }
        if (ascii) {
            return latin1(b, s, e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, s, e - s))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            throw bad("Status-Line", "reason phrase is not UTF-8", latin1(b, s, e), false);
        }
    }

    /** Accepts exactly "SIP/2.0" (SIP in any case); another SIP/x.y is 505, anything else 400. */
    private static void checkVersion(byte[] b, int s, int e, boolean request) {
        String field = request ? "Request-Line" : "Status-Line";
        if (e - s == SIP_2_0.length && looksLikeResponse(b, s, e)) {
            boolean same = true;
            for (int i = 4; i < SIP_2_0.length; i++) {
                same &= b[s + i] == SIP_2_0[i];
            }
            if (same) {
                return;
            }
        }
        if (looksLikeResponse(b, s, e) && isVersionNumber(b, s + 4, e)) {
            throw new SipParseException(505, field, "SIP version not supported", latin1(b, s, e), -1, request,
                    List.of());
        }
        throw bad(field, "malformed SIP version", latin1(b, s, e), request);
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isVersionNumber(byte[] b, int s, int e) {
        int dot = -1;
        for (int i = s; i < e; i++) {
            if (b[i] == '.' && dot < 0) {
                dot = i;
            } else if (b[i] < '0' || b[i] > '9') {
                return false;
            }
        }
        return dot > s && dot < e - 1;
    }

    static String latin1(byte[] b, int s, int e) {
        return new String(b, s, e - s, StandardCharsets.ISO_8859_1);
    }
}
