package io.osprey.hss.model;

/**
 * Which REGISTER requests a {@code Method = REGISTER} SPT matches, tRegistrationType of TS 29.228 Annex E
 * (SPT Extension). An SPT without any registration type matches all three.
 */
public enum RegistrationType {
    INITIAL_REGISTRATION(0),
    RE_REGISTRATION(1),
    DE_REGISTRATION(2);

    private final int code;

    RegistrationType(int code) {
        this.code = code;
    }

    /** The value in the XML document. */
    public int code() {
        return code;
    }

    /** The constant for {@code code}; throws naming {@code field} for any other value. */
    public static RegistrationType fromCode(String field, int code) {
        for (RegistrationType value : values()) {
            if (value.code == code) {
                return value;
            }
        }
        throw new InvalidValueException(field, "must be 0 to 2, was " + code);
    }
}
