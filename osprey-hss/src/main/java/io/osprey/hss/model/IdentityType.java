package io.osprey.hss.model;

/** The kind of a public identity, the {@code IdentityType} element of TS 29.228 Annex E (tIdentityType). */
public enum IdentityType {
    PUBLIC_USER_IDENTITY(0),
    DISTINCT_PSI(1),
    WILDCARDED_PSI(2),
    /** Rel-8+: an identity that matches a wildcarded public user identity. */
    WILDCARDED_IMPU(3),
    /** Rel-8+: a wildcard for public user identities. */
    IMPU_WILDCARD(4);

    private final int code;

    IdentityType(int code) {
        this.code = code;
    }

    /** The value in the XML document and the store. */
    public int code() {
        return code;
    }

    /** The constant for {@code code}; throws naming {@code field} for any other value. */
    public static IdentityType fromCode(String field, int code) {
        for (IdentityType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        throw new InvalidValueException(field, "must be 0 to 4, was " + code);
    }
}
