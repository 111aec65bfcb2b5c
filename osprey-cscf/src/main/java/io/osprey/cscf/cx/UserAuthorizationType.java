package io.osprey.cscf.cx;

/** User-Authorization-Type (TS 29.229 §6.3.24): why the I-CSCF sends a UAR. */
public enum UserAuthorizationType {
    REGISTRATION(0),
    DE_REGISTRATION(1),
    REGISTRATION_AND_CAPABILITIES(2);

    private final int value;

    UserAuthorizationType(int value) {
        this.value = value;
    }

    /** The Enumerated value on the wire. */
    public int value() {
        return value;
    }

    /** The type with wire value {@code value}. */
    public static UserAuthorizationType fromValue(int value) {
        for (UserAuthorizationType type : values()) {
            if (type.value == value) {
                return type;
            }
        }
        throw new IllegalArgumentException("User-Authorization-Type must be 0, 1 or 2, was " + value);
    }
}
