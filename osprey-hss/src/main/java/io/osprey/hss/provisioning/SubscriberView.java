package io.osprey.hss.provisioning;

import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.SubscriptionRecord;
import java.util.List;

/**
 * One subscriber as show and list return it: the subscription and its identities, without any secret.
 *
 * @param subscription      the subscription
 * @param privateIdentities its private identities, by IMPI
 * @param publicIdentities  its public identities, by implicit set and URI
 */
public record SubscriberView(
        SubscriptionRecord subscription,
        List<PrivateIdentityRecord> privateIdentities,
        List<PublicIdentityRecord> publicIdentities) {

    public SubscriberView {
        privateIdentities = List.copyOf(privateIdentities);
        publicIdentities = List.copyOf(publicIdentities);
    }
}
