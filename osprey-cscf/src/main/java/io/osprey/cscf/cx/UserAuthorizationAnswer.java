package io.osprey.cscf.cx;

import java.util.Objects;

/**
 * A UAA (TS 29.228 §6.1.1.1, TS 29.229 §6.1.2): {@link CxResult#FIRST_REGISTRATION} with capabilities,
 * {@link CxResult#SUBSEQUENT_REGISTRATION} with the assigned S-CSCF's name, {@link CxResult#SUCCESS} with the
 * name for a de-registration, or an error.
 *
 * @param serverName   Server-Name, or null
 * @param capabilities Server-Capabilities, or null
 */
public record UserAuthorizationAnswer(CxResult result, String serverName, ServerCapabilities capabilities) {

    public UserAuthorizationAnswer {
        Objects.requireNonNull(result, "result");
    }
}
