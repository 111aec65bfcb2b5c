package io.osprey.cscf.cx;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.sip.regevent.ContactEvent;
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

    /**
     * How the reg-event NOTIFYs describe the removed contacts (TS 24.229 §5.4.1.5, RFC 3680 §5.2.2): "rejected" when
     * the subscription ended for good, so that the UE does not register again at once; "deactivated" for the other
     * reasons, after which the UE registers again (and is given an S-CSCF anew).
     */
    public ContactEvent contactEvent() {
        return reasonCode == CxDictionary.REASON_PERMANENT_TERMINATION ? ContactEvent.REJECTED : ContactEvent.DEACTIVATED;
    }
}
