package io.osprey.sip.regevent;

import java.util.List;
import java.util.Objects;

/**
 * One {@code <registration>} element (RFC 3680 §5.1, §5.4): the registration state of one address-of-record
 * and its contacts. TS 24.229 §5.4.2.1.2 sends one per public user identity of the implicit registration set.
 *
 * @param aor      the address-of-record, a URI as text; not empty
 * @param id       the registration's identifier, stable across notifications of one subscription
 * @param state    the registration state
 * @param contacts the {@code <contact>} elements, in document order
 */
public record Registration(String aor, String id, RegistrationState state, List<Contact> contacts) {

    public Registration {
        Objects.requireNonNull(aor, "aor");
        if (aor.isEmpty()) {
            throw new IllegalArgumentException("registration aor must not be empty");
        }
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        contacts = List.copyOf(contacts);
    }

    /** The contact with identifier {@code contactId}, or null. */
    public Contact contact(String contactId) {
        for (Contact c : contacts) {
            if (c.id().equals(contactId)) {
                return c;
            }
        }
        return null;
    }
}
