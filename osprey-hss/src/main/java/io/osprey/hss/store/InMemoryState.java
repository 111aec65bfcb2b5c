package io.osprey.hss.store;

import java.security.SecureRandom;

/**
 * What a store keeps in memory of its database: provisioned data (decision 0012), registration state (0016) and
 * SQN reservations (0020). A provisioning change, this process's ({@link Transactions#provision}) or another's
 * ({@link ProvisioningWatch}), drops what it may have made stale in all three.
 */
record InMemoryState(ProvisionedCache cache, RegistrationCache registrations, SqnReservations reservations,
                     SecureRandom random) {

    void provisioningChanged() {
        cache.changed();
        registrations.dropAll();
        reservations.dropAll();
    }
}
