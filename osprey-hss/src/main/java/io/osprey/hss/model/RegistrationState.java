package io.osprey.hss.model;

/**
 * The registration state of a public identity held by the HSS, TS 29.228 §6.1 (and the Sh IMSUserState of
 * TS 29.328): not registered, registered, or unregistered (an S-CSCF holds the profile for unregistered
 * services, e.g. after a terminating request for an unregistered user).
 */
public enum RegistrationState {
    NOT_REGISTERED(0),
    REGISTERED(1),
    UNREGISTERED(2);

    private final int code;

    RegistrationState(int code) {
        this.code = code;
    }

    /** The stored value. */
    public int code() {
        return code;
    }

    /** Whether an S-CSCF is assigned in this state (REGISTERED or UNREGISTERED). */
    public boolean hasServingScscf() {
        return this != NOT_REGISTERED;
    }

    /** The constant for {@code code}; throws naming {@code field} for any other value. */
    public static RegistrationState fromCode(String field, int code) {
        for (RegistrationState state : values()) {
            if (state.code == code) {
                return state;
            }
        }
        throw new InvalidValueException(field, "must be 0 to 2, was " + code);
    }
}
