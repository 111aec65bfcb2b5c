package io.osprey.sip.uri;

/**
 * A URI that does not follow RFC 3261 §25.1 / RFC 3966 grammar, or breaks a {@link SyntaxLimits} bound.
 * Carries the URI part at fault, the offending value and, for a size violation, the limit.
 */
public final class UriSyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN_CHARS = 80;

    private final String part;
    private final String reason;
    private final String value;
    private final long limit;

    /** A grammar violation: {@code reason} explains what is wrong with {@code value} in URI {@code part}. */
    public UriSyntaxException(String part, String reason, CharSequence value) {
        this(part, reason, value, -1);
    }

    /** A violation of a size limit (or a grammar violation when {@code limit} is -1). */
    public UriSyntaxException(String part, String reason, CharSequence value, long limit) {
        super(describe(part, reason, value, limit));
        this.part = part;
        this.reason = reason;
        this.value = value == null ? "" : value.toString();
        this.limit = limit;
    }

    /** Parse failures come from untrusted input and are expected: no stack trace is recorded. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    private static String describe(String part, String reason, CharSequence value, long limit) {
        StringBuilder sb = new StringBuilder("Bad URI ").append(part).append(": ").append(reason);
        if (value != null) {
            sb.append(" in '").append(shorten(value)).append('\'');
        }
        if (limit >= 0) {
            sb.append(" (limit ").append(limit).append(')');
        }
        return sb.toString();
    }

    /** {@code value} cut to a length fit for a log line or a Warning header. */
    public static String shorten(CharSequence value) {
        return value.length() <= SHOWN_CHARS ? value.toString() : value.subSequence(0, SHOWN_CHARS) + "...";
    }

    /** The URI part at fault: "scheme", "user", "host", "port", "param", "header", "number", "length"... */
    public String part() {
        return part;
    }

    /** The offending text. */
    public String value() {
        return value;
    }

    /** The limit that was exceeded, or -1 for a grammar violation. */
    public long limit() {
        return limit;
    }

    /** What is wrong, without the value: fit for a Warning text. */
    public String reason() {
        return reason;
    }
}
