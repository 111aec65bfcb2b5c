package io.osprey.hss.model;

import java.util.Set;

/**
 * A private identity as list and show endpoints see it: which schemes it may use and whether keys and a
 * digest secret are provisioned, never the secrets themselves (those are in {@link ImpiCredentials}).
 *
 * @param impi            the private identity
 * @param subscriptionId  the subscription it belongs to
 * @param authSchemes     allowed schemes
 * @param hasAkaKeys      whether K and OP/OPc are provisioned
 * @param hasDigestSecret whether a password or HA1 is provisioned
 * @param sqn             the SQN of the next authentication vector
 */
public record PrivateIdentityRecord(
        Impi impi,
        String subscriptionId,
        Set<AuthScheme> authSchemes,
        boolean hasAkaKeys,
        boolean hasDigestSecret,
        long sqn) {

    public PrivateIdentityRecord {
        Checks.notNull("impi", impi);
        Checks.token("subscriptionId", subscriptionId, SubscriptionRecord.MAX_ID_LENGTH);
        authSchemes = Checks.enumSet("authSchemes", AuthScheme.class, authSchemes);
    }
}
