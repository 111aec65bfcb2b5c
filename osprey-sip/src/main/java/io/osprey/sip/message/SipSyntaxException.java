package io.osprey.sip.message;

import io.osprey.sip.uri.UriSyntaxException;

/**
 * A header value or start-line element that does not follow the SIP grammar (RFC 3261 §25), or breaks a size
 * limit. Names the field (a header name such as "Via", or "Request-Line"), the offending value, the reason and,
 * for a size violation, the limit.
 */
public final class SipSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String reason;
    private final long limit;

    /** A grammar violation. */
    public SipSyntaxException(String field, String reason, CharSequence value) {
        this(field, reason, value, -1);
    }

    /** A size violation when {@code limit} is not -1. */
    public SipSyntaxException(String field, String reason, CharSequence value, long limit) {
        super(describe(field, reason, value, limit));
        this.field = field;
        this.reason = reason;
        this.value = value == null ? "" : value.toString();
        this.limit = limit;
    }

    /** A bad URI inside header {@code field}. */
    public SipSyntaxException(String field, UriSyntaxException cause, CharSequence value) {
        this(field, cause.reason(), value, cause.limit());
    }

    /** Parse failures come from untrusted input and are expected: no stack trace is recorded. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static String describe(String field, String reason, CharSequence value, long limit) {
        StringBuilder sb = new StringBuilder("Bad ").append(field).append(": ").append(reason);
        if (value != null) {
            sb.append(" in '").append(UriSyntaxException.shorten(value)).append('\'');
        }
        if (limit >= 0) {
            sb.append(" (limit ").append(limit).append(')');
        }
        return sb.toString();
    }

    /** The header name or start-line element at fault. */
    public String field() {
        return field;
    }

    /** The offending text. */
    public String value() {
        return value;
    }

    /** What is wrong, without the value. */
    public String reason() {
        return reason;
    }

    /** The limit exceeded, or -1 for a grammar violation. */
    public long limit() {
        return limit;
    }
}
