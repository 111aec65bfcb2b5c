package io.osprey.hss.model;

import java.util.Optional;

/**
 * The registration state the HSS keeps for one public identity and the S-CSCF assigned to it (TS 29.228
 * §6.1.2–6.1.3, Server-Name of SAR), and the S-CSCF that is authenticating it, if any (TS 29.228 §6.3.1: a MAR
 * flags the authentication pending until the SAR that ends it).
 *
 * @param impu          the public identity
 * @param state         NOT_REGISTERED, REGISTERED or UNREGISTERED
 * @param scscfName     the assigned S-CSCF SIP URI; required when REGISTERED or UNREGISTERED, may be kept when
 *                      NOT_REGISTERED
 * @param pendingScscf  the S-CSCF of the last MAR while its authentication is pending
 */
public record ImpuRegistration(Impu impu, RegistrationState state, Optional<String> scscfName,
                               Optional<String> pendingScscf) {

    public ImpuRegistration {
        Checks.notNull("impu", impu);
        Checks.notNull("registrationState", state);
        Checks.optional("scscfName", scscfName)
                .ifPresent(name -> Checks.token("scscfName", name, ApplicationServer.MAX_SERVER_NAME_LENGTH));
        Checks.optional("pendingScscf", pendingScscf)
                .ifPresent(name -> Checks.token("pendingScscf", name, ApplicationServer.MAX_SERVER_NAME_LENGTH));
        if (state.hasServingScscf() && scscfName.isEmpty()) {
            throw new InvalidValueException("scscfName", "is required in state " + state);
        }
    }

    /** A registration with no authentication pending. */
    public ImpuRegistration(Impu impu, RegistrationState state, Optional<String> scscfName) {
        this(impu, state, scscfName, Optional.empty());
    }

    /** The S-CSCF serving this identity: the stored name in state REGISTERED or UNREGISTERED. */
    public Optional<String> servingScscf() {
        return state.hasServingScscf() ? scscfName : Optional.empty();
    }

    /** Whether the state and S-CSCF name (not the pending authentication) equal {@code other}'s. */
    public boolean sameAssignment(ImpuRegistration other) {
        return state == other.state && scscfName.equals(other.scscfName);
    }
}
