package io.osprey.sip.regevent;

/** The state of one contact of a registration (RFC 3680 §4.7.1): bound ({@code active}) or not. */
public enum ContactState {
    /** The contact is bound to the address-of-record. */
    ACTIVE("active"),
    /** The contact has been removed. */
    TERMINATED("terminated");

    private final String xmlValue;

    ContactState(String xmlValue) {
        this.xmlValue = xmlValue;
    }

    /** The attribute value as RFC 3680 writes it. */
    public String xmlValue() {
        return xmlValue;
    }

    /** The constant for an attribute value (exact, as the schema enumerates it), or null. */
    public static ContactState fromXml(String value) {
        for (ContactState s : values()) {
            if (s.xmlValue.equals(value)) {
                return s;
            }
        }
        return null;
    }
}
