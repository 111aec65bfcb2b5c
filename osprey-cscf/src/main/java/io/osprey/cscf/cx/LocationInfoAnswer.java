package io.osprey.cscf.cx;

import java.util.Objects;

/**
 * A LIA (TS 29.228 §6.2.1.1, TS 29.229 §6.1.6): {@link CxResult#SUCCESS} with the serving S-CSCF's name for a
 * registered user, {@link CxResult#UNREGISTERED_SERVICE} with a name or capabilities, or an error such as
 * {@link CxResult#IDENTITY_NOT_REGISTERED} or {@link CxResult#USER_UNKNOWN}.
 *
 * @param serverName               Server-Name, or null
 * @param capabilities             Server-Capabilities, or null
 * @param wildcardedPublicIdentity Wildcarded-Public-Identity when the identity matched a wildcarded PSI, or null
 */
public record LocationInfoAnswer(CxResult result, String serverName, ServerCapabilities capabilities,
                                 String wildcardedPublicIdentity) {

    public LocationInfoAnswer {
        Objects.requireNonNull(result, "result");
    }
}
