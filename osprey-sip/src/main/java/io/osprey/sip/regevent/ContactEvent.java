package io.osprey.sip.regevent;

/**
 * The event that last changed a contact's state (RFC 3680 §4.7.1, the {@code event} attribute of §5.1). The first four
 * leave or put the contact in the {@code active} state; the others move it to {@code terminated}. TS 24.229
 * §5.4.2.1.2 uses {@code registered}, {@code created}, {@code refreshed}, {@code shortened}, {@code expired},
 * {@code deactivated}, {@code rejected} and {@code unregistered}.
 */
public enum ContactEvent {
    /** The contact was added by a REGISTER. */
    REGISTERED("registered", false),
    /** The contact was added administratively. */
    CREATED("created", false),
    /** A REGISTER refreshed the contact. */
    REFRESHED("refreshed", false),
    /** The registrar shortened the contact's expiry. */
    SHORTENED("shortened", false),
    /** The contact expired. */
    EXPIRED("expired", true),
    /** The contact was removed administratively; the user may register again at once. */
    DEACTIVATED("deactivated", true),
    /** The contact was removed administratively; the user should register again after {@code retry-after}. */
    PROBATION("probation", true),
    /** A REGISTER removed the contact. */
    UNREGISTERED("unregistered", true),
    /** The contact was removed administratively and must not be registered again. */
    REJECTED("rejected", true);

    private final String xmlValue;
    private final boolean terminates;

    ContactEvent(String xmlValue, boolean terminates) {
        this.xmlValue = xmlValue;
        this.terminates = terminates;
    }

    /** The attribute value as RFC 3680 writes it. */
    public String xmlValue() {
        return xmlValue;
    }

    /** Whether the event moves the contact to the {@code terminated} state (RFC 3680 §4.7.1). */
    public boolean terminates() {
        return terminates;
    }

    /** The constant for an attribute value (exact, as the schema enumerates it), or null. */
    public static ContactEvent fromXml(String value) {
        for (ContactEvent e : values()) {
            if (e.xmlValue.equals(value)) {
                return e;
            }
        }
        return null;
    }
}
