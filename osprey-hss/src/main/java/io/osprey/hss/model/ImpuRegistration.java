package io.osprey.hss.model;

import java.util.Optional;

/**
 * The registration state the HSS keeps for one public identity and the S-CSCF assigned to it (TS 29.228
 * §6.1.2–6.1.3, Server-Name of SAR).
 *
 * @param impu      the public identity
 * @param state     NOT_REGISTERED, REGISTERED or UNREGISTERED
 * @param scscfName the assigned S-CSCF SIP URI; required when REGISTERED or UNREGISTERED, may be kept when
 *                  NOT_REGISTERED
 */
public record ImpuRegistration(Impu impu, RegistrationState state, Optional<String> scscfName) {

    public ImpuRegistration {
        Checks.notNull("impu", impu);
        Checks.notNull("registrationState", state);
        Checks.optional("scscfName", scscfName)
                .ifPresent(name -> Checks.token("scscfName", name, ApplicationServer.MAX_SERVER_NAME_LENGTH));
        if (state.hasServingScscf() && scscfName.isEmpty()) {
            throw new InvalidValueException("scscfName", "is required in state " + state);
        }
    }
}
