package io.osprey.hss.model;

/**
 * A model value was refused: names the field (for example {@code "k"} or {@code "publicIdentity.impu"}) so
 * callers can report it, e.g. as an RFC 9457 problem with an invalid-parameter entry.
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidValueException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    /** The name of the refused field. */
    public String field() {
        return field;
    }

    /** The reason without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }
}
