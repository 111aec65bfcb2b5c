package io.osprey.sip.sdp;

/**
 * A session description that {@link SdpParser} refuses: says the line number (1-based; 0 when the problem is
 * not on one line, such as the total size), the field (the type letter, an attribute name or a limit name),
 * the offending value (shortened to 64 characters) and what was expected or which limit was passed.
 */
public final class SdpParseException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_VALUE_IN_MESSAGE = 64;

    private final int lineNumber;
    private final String field;
    private final String value;

    public SdpParseException(int lineNumber, String field, String value, String problem) {
        super(message(lineNumber, field, value, problem));
        this.lineNumber = lineNumber;
        this.field = field;
        this.value = value;
    }

    public int lineNumber() {
        return lineNumber;
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    private static String message(int lineNumber, String field, String value, String problem) {
        String shown = value.length() > MAX_VALUE_IN_MESSAGE ? value.substring(0, MAX_VALUE_IN_MESSAGE) + "..." : value;
        return (lineNumber > 0 ? "line " + lineNumber + ": " : "") + "field '" + field + "' value '" + shown + "': "
                + problem;
    }
}
