package io.osprey.hss.cx;

import io.osprey.hss.model.ImpuRegistration;
import java.util.List;

/**
 * Told when Cx (a SAR, or an answered RTR) changed the registration state or S-CSCF name of public identities,
 * e.g. so the Sh server sends Push-Notification requests to the ASs subscribed to IMSUserState or S-CSCFName
 * (TS 29.328 §6.1.4). Called on a store (virtual) thread after the change is stored and before the Cx answer
 * is sent: it must hand slow work off and return at once.
 */
@FunctionalInterface
public interface RegistrationListener {

    /** Ignores every change. */
    RegistrationListener NONE = changed -> {
    };

    /** {@code changed} holds the new state of each identity whose state or S-CSCF name changed; never empty. */
    void registrationChanged(List<ImpuRegistration> changed);
}
