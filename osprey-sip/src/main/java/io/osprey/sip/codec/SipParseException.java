package io.osprey.sip.codec;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.message.SipHeader;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.UriSyntaxException;
import java.util.List;

/**
 * A message the decoder refused. Names the field at fault, the value and the limit (or -1), and says what a
 * server should do: when the input was a request, answer {@link #statusCode()} with a Warning (RFC 3261
 * §20.43, code 399) naming the fault — {@link #response} builds it from the Via, From, To, Call-ID and CSeq
 * lines that could be read; when it was a response (or unreadable), drop it silently (§18.1.2, RFC 4475).
 */
public final class SipParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String field;
    private final String reason;
    private final String value;
    private final long limit;
    private final boolean request;
    private final transient List<SipHeader> echo;

    SipParseException(int statusCode, String field, String reason, CharSequence value, long limit, boolean request,
                      List<SipHeader> echo) {
        super(describe(field, reason, value, limit));
        this.statusCode = statusCode;
        this.field = field;
        this.reason = reason;
        this.value = value == null ? "" : value.toString();
        this.limit = limit;
        this.request = request;
        this.echo = List.copyOf(echo);
    }

    static SipParseException of(SipSyntaxException e, boolean request) {
        return new SipParseException(400, e.field(), e.reason(), e.value(), e.limit(), request, List.of());
    }

    SipParseException withEcho(List<SipHeader> headers) {
        return new SipParseException(statusCode, field, reason, value, limit, request, headers);
    }

    private static String describe(String field, String reason, CharSequence value, long limit) {
        StringBuilder sb = new StringBuilder("Bad ").append(field).append(": ").append(reason);
        if (value != null && !value.isEmpty()) {
            sb.append(" in '").append(UriSyntaxException.shorten(value)).append('\'');
        }
        if (limit >= 0) {
            sb.append(" (limit ").append(limit).append(')');
        }
        return sb.toString();
    }

    /** Parse failures come from untrusted input and are expected: no stack trace is recorded. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** The status a server answers a bad request with: 400, 413, 414, 505 or 513. */
    public int statusCode() {
        return statusCode;
    }

    /** The field at fault: a header name, "Request-Line", "Status-Line", "Content-Length", "message"... */
    public String field() {
        return field;
    }

    /** What is wrong, without the value. */
    public String reason() {
        return reason;
    }

    /** The offending value (possibly cut). */
    public String value() {
        return value;
    }

    /** The limit exceeded, or -1. */
    public long limit() {
        return limit;
    }

    /** Whether the input was a request; if not, it is dropped without an answer. */
    public boolean isRequest() {
        return request;
    }

    /** The Warning text: {@code Bad Via: empty parameter}, plus the limit for size faults. */
    public String warningText() {
        return "Bad " + field + ": " + reason + (limit >= 0 ? " (limit " + limit + ")" : "");
    }

    /**
     * The response to send for a bad request, or null when none can be sent (a response was bad, or no Via
     * could be read). Carries the Via, From, To, Call-ID and CSeq lines as received and
     * {@code Warning: 399 <warnAgent> "<warningText>"}; the To tag is added when To is readable and untagged.
     */
    public SipResponse response(String warnAgent, String toTag) {
        if (!request || echo.stream().noneMatch(h -> h.is("Via"))) {
            return null;
        }
        SipResponse.Builder b = SipResponse.builder(statusCode, null);
        echo.forEach(b::add);
        b.add("Warning", "399 " + warnAgent + " " + HeaderValues.quote(warningText()));
        if (toTag != null) {
            try {
                b.toTag(toTag);
            } catch (RuntimeException unreadableTo) {
                // a To field that does not parse is echoed as received, untagged
            }
        }
        return b.build();
    }
}
