package io.osprey.hss.model;

/**
 * What the S-CSCF does when the application server of an iFC cannot be reached, tDefaultHandling of
 * TS 29.228 Annex E: continue with the next iFC or terminate the session.
 */
public enum DefaultHandling {
    SESSION_CONTINUED(0),
    SESSION_TERMINATED(1);

    private final int code;

    DefaultHandling(int code) {
        this.code = code;
    }

    /** The value in the XML document. */
    public int code() {
        return code;
    }

    /** The constant for {@code code}; throws naming {@code field} for any other value. */
    public static DefaultHandling fromCode(String field, int code) {
        for (DefaultHandling value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidValueException(field, "must be 0 or 1, was " + code);
    }
}
