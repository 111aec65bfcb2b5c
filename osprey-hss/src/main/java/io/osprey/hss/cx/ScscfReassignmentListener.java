package io.osprey.hss.cx;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import java.util.List;

/**
 * Told when a MAR moved public identities from the S-CSCF that served them to the requesting one (TS 29.228
 * §6.3.1: the I-CSCF chose another S-CSCF, e.g. because the first stopped answering, and the HSS overwrote the
 * stored name), so that the previous S-CSCF can be sent an RTR with NEW_SERVER_ASSIGNED (TS 29.228 §6.1.3).
 * Called on a store (virtual) thread after the change is stored and before the MAA is sent: it must hand slow
 * work off and return at once.
 */
@FunctionalInterface
public interface ScscfReassignmentListener {

    /** Ignores every re-assignment. */
    ScscfReassignmentListener NONE = (impi, impus, previousScscf) -> {
    };

    /** {@code impus} (never empty), authenticated by {@code impi}, were served by {@code previousScscf}. */
    void reassigned(Impi impi, List<Impu> impus, String previousScscf);
}
