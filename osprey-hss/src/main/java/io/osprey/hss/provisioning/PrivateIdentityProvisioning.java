package io.osprey.hss.provisioning;

import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStore;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Adds and removes the private identities of an existing subscription (TS 23.228 §4.3.3.4: one IMS subscription
 * holds one or more private identities, which may share its public user identities). Each operation is one store
 * transaction; refusals name the field {@code impi}. Used by {@link ProvisioningService}.
 */
final class PrivateIdentityProvisioning {

    private final SubscriberStore store;

    PrivateIdentityProvisioning(SubscriberStore store) {
        this.store = store;
    }

    /**
     * Adds {@code request} to subscription {@code subscriptionId} and links it to every public user identity of the
     * subscription (as {@link ProvisioningService#addPublicIdentity} links a new public identity to every private
     * one), so the new identity can register at once.
     */
    PrivateIdentityRecord add(String subscriptionId, NewPrivateIdentity request) {
        Impi id = SubscriberFactory.parse("impi", () -> new Impi(SubscriberFactory.required("impi", request.impi())));
        ImpiCredentials credentials = SubscriberFactory.credentials(id, request);
        try {
            return store.inTransaction(() -> {
                requireSubscription(subscriptionId);
                if (store.identities().privateIdentity(id).isPresent()) {
                    throw duplicate(id);
                }
                store.identities().createPrivateIdentity(subscriptionId, credentials);
                for (PublicIdentityRecord identity : store.identities().publicIdentities(subscriptionId)) {
                    if (identity.identityType() == IdentityType.PUBLIC_USER_IDENTITY) {
                        store.identities().updatePublicIdentity(withUsers(identity, id));
                    }
                }
                return store.identities().privateIdentity(id).orElseThrow();
            });
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.DUPLICATE) {
                throw duplicate(id);
            }
            throw ProvisioningService.translate(e);
        }
    }

    /**
     * Removes private identity {@code impi} of subscription {@code subscriptionId} with its credentials and links.
     * The subscription's last private identity stays (delete the subscriber instead), and so does one that is the
     * only user of a public user identity, which would be left unusable.
     */
    void remove(String subscriptionId, String impi) {
        Impi id = SubscriberFactory.parse("impi", () -> new Impi(SubscriberFactory.required("impi", impi)));
        try {
            store.inTransaction(() -> {
                requireSubscription(subscriptionId);
                List<PrivateIdentityRecord> privates = store.identities().privateIdentities(subscriptionId);
                if (privates.stream().noneMatch(record -> record.impi().equals(id))) {
                    throw ProvisioningException.notFound("impi", "subscriber " + subscriptionId
                            + " has no private identity " + id);
                }
                if (privates.size() == 1) {
                    throw ProvisioningException.conflict("impi", "private identity " + id + " is the subscriber's "
                            + "last one; delete the subscriber instead");
                }
                for (PublicIdentityRecord identity : store.identities().publicIdentities(subscriptionId)) {
                    if (identity.identityType() == IdentityType.PUBLIC_USER_IDENTITY
                            && identity.privateIdentities().equals(Set.of(id))) {
                        throw ProvisioningException.conflict("impi", "public identity " + identity.impu()
                                + " is used by private identity " + id + " only and would be left without one");
                    }
                }
                if (!store.identities().deletePrivateIdentity(id)) {
                    throw ProvisioningException.notFound("impi", "private identity " + id + " does not exist");
                }
                return null;
            });
        } catch (StoreException e) {
            throw ProvisioningService.translate(e);
        }
    }

    private void requireSubscription(String subscriptionId) {
        if (store.subscriptions().subscription(SubscriberFactory.required("subscriptionId", subscriptionId))
                .isEmpty()) {
            throw ProvisioningException.notFound("subscriber " + subscriptionId + " does not exist");
        }
    }

    private static PublicIdentityRecord withUsers(PublicIdentityRecord identity, Impi added) {
        Set<Impi> users = new TreeSet<>(identity.privateIdentities());
        users.add(added);
        if (users.size() > PublicIdentityRecord.MAX_PRIVATE_IDENTITIES) {
            throw ProvisioningException.conflict("impi", "public identity " + identity.impu() + " is shared by "
                    + PublicIdentityRecord.MAX_PRIVATE_IDENTITIES + " private identities already, the most it may");
        }
        return new PublicIdentityRecord(identity.impu(), identity.subscriptionId(), identity.serviceProfile(),
                identity.identityType(), identity.barred(), identity.implicitSet(), identity.aliasGroup(),
                identity.displayName(), users);
    }

    private static ProvisioningException duplicate(Impi id) {
        return ProvisioningException.conflict("impi", "private identity " + id + " exists already");
    }
}
