package io.osprey.hss.model;

/**
 * Whether an iFC belongs to the registered or the unregistered part of the profile, tProfilePartIndicator of
 * TS 29.228 Annex E. An iFC without one applies in both states.
 */
public enum ProfilePartIndicator {
    REGISTERED(0),
    UNREGISTERED(1);

    private final int code;

    ProfilePartIndicator(int code) {
        this.code = code;
    }

    /** The value in the XML document. */
    public int code() {
        return code;
    }

    /** The constant for {@code code}; throws naming {@code field} for any other value. */
    public static ProfilePartIndicator fromCode(String field, int code) {
        for (ProfilePartIndicator value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidValueException(field, "must be 0 or 1, was " + code);
    }
}
