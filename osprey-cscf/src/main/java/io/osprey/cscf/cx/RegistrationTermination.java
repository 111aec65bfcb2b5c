package io.osprey.cscf.cx;

import java.util.List;
import java.util.Objects;

/**
 * An RTR from the HSS (TS 29.228 §6.1.3, TS 29.229 §6.1.9): de-register {@code impus} of {@code impi}, or all of
 * its identities when {@code impus} is empty.
 *
 * @param reasonCode Reason-Code of Deregistration-Reason (TS 29.229 §6.3.17): 0 PERMANENT_TERMINATION,
 *                   1 NEW_SERVER_ASSIGNED, 2 SERVER_CHANGE, 3 REMOVE_S-CSCF
 * @param reasonInfo Reason-Info, or null
 */
public record RegistrationTermination(String impi, List<String> impus, int reasonCode, String reasonInfo) {

    public RegistrationTermination {
        Objects.requireNonNull(impi, "impi");
        impus = List.copyOf(Objects.requireNonNull(impus, "impus"));
    }
}
