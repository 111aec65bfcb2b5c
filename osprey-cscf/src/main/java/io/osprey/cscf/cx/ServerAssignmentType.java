package io.osprey.cscf.cx;

/** Server-Assignment-Type (TS 29.229 §6.3.15): what the S-CSCF asks of the HSS in a SAR. */
public enum ServerAssignmentType {
    NO_ASSIGNMENT(0),
    REGISTRATION(1),
    RE_REGISTRATION(2),
    UNREGISTERED_USER(3),
    TIMEOUT_DEREGISTRATION(4),
    USER_DEREGISTRATION(5),
    TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME(6),
    USER_DEREGISTRATION_STORE_SERVER_NAME(7),
    ADMINISTRATIVE_DEREGISTRATION(8),
    AUTHENTICATION_FAILURE(9),
    AUTHENTICATION_TIMEOUT(10),
    DEREGISTRATION_TOO_MUCH_DATA(11),
    AAA_USER_DATA_REQUEST(12),
    PGW_UPDATE(13),
    RESTORATION(14);

    private final int value;

    ServerAssignmentType(int value) {
        this.value = value;
    }

    /** The Enumerated value on the wire. */
    public int value() {
        return value;
    }

    /** The type with wire value {@code value}. */
    public static ServerAssignmentType fromValue(int value) {
        ServerAssignmentType[] all = values();
        if (value < 0 || value >= all.length) {
            throw new IllegalArgumentException("Server-Assignment-Type must be 0.." + (all.length - 1) + ", was "
                    + value);
        }
        return all[value];
    }
}
