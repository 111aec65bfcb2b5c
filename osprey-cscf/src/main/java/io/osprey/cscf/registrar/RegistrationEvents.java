package io.osprey.cscf.registrar;

import io.osprey.sip.regevent.ContactEvent;

/**
 * Told of every change of a registration (a contact added, refreshed, removed or expired; the whole registration
 * ended), so the reg-event notifier (RFC 3680, TS 24.229 §5.4.2.1.2) can send NOTIFYs and third-party REGISTERs
 * can go to application servers. Called on whatever thread made the change; must not block.
 */
@FunctionalInterface
public interface RegistrationEvents {

    RegistrationEvents NONE = (before, after, impu, removal) -> { };

    /**
     * @param before the registration before the change, or null when there was none
     * @param after  after the change, or null when it ended
     * @param impu    the canonical public identity the change was made through
     * @param removal why contacts that are gone went: {@code UNREGISTERED} (the UE), {@code EXPIRED},
     *                {@code DEACTIVATED} (the network, e.g. an RTR from the HSS)
     */
    void changed(Registration before, Registration after, String impu, ContactEvent removal);
}
