package io.osprey.hss.store;

import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.SubscriptionRecord;
import java.util.List;

/**
 * A whole subscription to create in one go: the subscription, its private identities with credentials and
 * its public identities (whose {@link PublicIdentityRecord#privateIdentities()} become the IMPI–IMPU links).
 * Every identity must name {@link SubscriptionRecord#id()} as its subscription.
 */
public record NewSubscription(
        SubscriptionRecord subscription,
        List<ImpiCredentials> privateIdentities,
        List<PublicIdentityRecord> publicIdentities) {

    public NewSubscription {
        if (subscription == null) {
            throw new IllegalArgumentException("subscription is required");
        }
        privateIdentities = List.copyOf(privateIdentities);
        publicIdentities = List.copyOf(publicIdentities);
        for (PublicIdentityRecord identity : publicIdentities) {
            if (!identity.subscriptionId().equals(subscription.id())) {
                throw new IllegalArgumentException("public identity " + identity.impu() + " names subscription "
                        + identity.subscriptionId() + ", not " + subscription.id());
            }
        }
    }
}
