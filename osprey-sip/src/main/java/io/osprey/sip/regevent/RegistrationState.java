package io.osprey.sip.regevent;

/**
 * The state of one address-of-record's registration (the registration state machine of RFC 3680 §4.7.1):
 * {@code init} before any contact is bound, {@code active} while at least one is, {@code terminated} when
 * the last contact is gone.
 */
public enum RegistrationState {
    /** No contact bound yet. */
    INIT("init"),
    /** At least one active contact. */
    ACTIVE("active"),
    /** The last contact was removed. */
    TERMINATED("terminated");

    private final String xmlValue;

    RegistrationState(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** The attribute value as RFC 3680 writes it. */
    public String xmlValue() {
        return xmlValue;
    }

    /** The constant for an attribute value (exact, as the schema enumerates it), or null. */
    public static RegistrationState fromXml(String value) {
        for (RegistrationState s : values()) {
            if (s.xmlValue.equals(value)) {
                return s;
            }
        }
        return null;
    }
}
