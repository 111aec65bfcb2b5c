package io.osprey.hss.store;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.SubscriptionRecord;
import java.util.List;
import java.util.Optional;

/** Subscriptions as a whole, and the user profile document built from them (TS 29.228 §6.6). */
public interface SubscriptionRepository {

    /** Creates an empty subscription; {@link StoreException.Reason#DUPLICATE} if the id exists. */
    void createSubscription(SubscriptionRecord subscription);

    /**
     * Creates whole subscriptions with their identities, credentials and links in one transaction: either all
     * of them are stored or none. Used for one-call provisioning and batched CSV import.
     */
    void createSubscriptions(List<NewSubscription> subscriptions);

    Optional<SubscriptionRecord> subscription(String id);

    /** Replaces the S-CSCF capabilities; {@link StoreException.Reason#NOT_FOUND} if the id is unknown. */
    void updateSubscription(SubscriptionRecord subscription);

    /** Deletes a subscription with all its identities; false if it did not exist. */
    boolean deleteSubscription(String id);

    Page<SubscriptionRecord> subscriptions(PageRequest page);

    /**
     * The user profile document for {@code impi} and the implicit registration set of {@code impu} (the Cx
     * SAA User-Data, TS 29.228 §6.1.2): every identity of that set grouped by service profile, with the
     * profile's own and template iFCs. A wildcarded PSI match reports {@code impu} as the Identity and the
     * wildcard as WildcardedPSI. Empty when {@code impu} is unknown. Does not check that {@code impi} may use
     * {@code impu}; see {@link IdentityRepository#isAssociated}.
     */
    Optional<ImsSubscription> userProfile(Impi impi, Impu impu);
}
