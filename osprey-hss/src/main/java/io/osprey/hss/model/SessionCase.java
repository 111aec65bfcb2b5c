package io.osprey.hss.model;

/**
 * The session case an SPT can match, tDirectionOfRequest of TS 29.228 Annex E (SessionCase element).
 * {@link #ORIGINATING_CDIV} was added after Rel-8; a Rel-8 schema refuses it.
 */
public enum SessionCase {
    ORIGINATING(0),
    TERMINATING_REGISTERED(1),
    TERMINATING_UNREGISTERED(2),
    ORIGINATING_UNREGISTERED(3),
    ORIGINATING_CDIV(4);

    private final int code;

    SessionCase(int code) {
        this.code = code;
    }

    /** The value in the XML document. */
    public int code() {
        return code;
    }

    /** The constant for {@code code}; throws naming {@code field} for any other value. */
    public static SessionCase fromCode(String field, int code) {
        for (SessionCase value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidValueException(field, "must be 0 to 4, was " + code);
    }
}
