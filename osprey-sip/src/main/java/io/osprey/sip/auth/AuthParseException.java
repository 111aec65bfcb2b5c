package io.osprey.sip.auth;

/**
 * An authentication header value that {@link AuthHeaderParser} refuses: names the field (a parameter name, the
 * scheme or a limit), the offending value (shortened to 64 characters), the character position where parsing
 * stopped, and what was expected or which limit was passed.
 */
public final class AuthParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final int position;

    public AuthParseException(String field, String value, int position, String problem) {
        super("field '" + field + "' value '" + shorten(value) + "' at position " + position + ": " + problem);
        this.field = field;
        this.value = value;
        this.position = position;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public int position() {
        return position;
    }

    private static String shorten(String value) {
        return value.length() > 64 ? value.substring(0, 64) + "..." : value;
    }
}
