package io.osprey.hss.sh;

import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_IMS_PUBLIC_IDENTITY;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_IMS_USER_STATE;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_INITIAL_FILTER_CRITERIA;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_REPOSITORY_DATA;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_S_CSCF_NAME;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.model.RepositoryData;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.store.RepositoryDataStore;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Sh data of one public identity from the stores (TS 29.328 §7.6, Data-Reference values of TS 29.329
 * §6.3.4). Blocking: call it on a virtual thread, never on a Diameter I/O thread.
 */
public final class ShUserDataReader {

    /** Identity-Set (TS 29.329 §6.3.10) values. */
    static final int IDENTITY_SET_ALL = 0;
    static final int IDENTITY_SET_REGISTERED = 1;
    static final int IDENTITY_SET_IMPLICIT = 2;
    static final int IDENTITY_SET_ALIAS = 3;

    private static final ImsSubscriptionXmlWriter IFC_WRITER = new ImsSubscriptionXmlWriter();

    private final SubscriberStore store;
    private final RepositoryDataStore repository;

    public ShUserDataReader(SubscriberStore store) {
        this.store = store;
        this.repository = store.repositoryData();
    }

    /** Whether this HSS can serve {@code dataReference}. */
    public static boolean supports(int dataReference) {
        return dataReference == DATA_REFERENCE_REPOSITORY_DATA || dataReference == DATA_REFERENCE_IMS_PUBLIC_IDENTITY
                || dataReference == DATA_REFERENCE_IMS_USER_STATE || dataReference == DATA_REFERENCE_S_CSCF_NAME
                || dataReference == DATA_REFERENCE_INITIAL_FILTER_CRITERIA;
    }

    /** The provisioned public identity (or matching wildcarded PSI) for {@code impu}. */
    public Optional<PublicIdentityRecord> resolve(String impu) {
        try {
            return store.identities().findPublicIdentity(new Impu(impu));
        } catch (IllegalArgumentException notAnImpu) {
            return Optional.empty();
        }
    }

    /**
     * The Sh-Data for {@code identity}: one part per requested Data-Reference (each assumed {@link #supports
     * supported}). RepositoryData is read for each of {@code serviceIndications}; absent items are left out.
     * iFCs are limited to those naming {@code asServerName} when one is given.
     */
    public ShData read(PublicIdentityRecord identity, Collection<Integer> dataReferences,
                       Collection<String> serviceIndications, Collection<Integer> identitySets,
                       Optional<String> asServerName) {
        String impu = identity.impu().uri();
        List<String> publicIdentities = dataReferences.contains(DATA_REFERENCE_IMS_PUBLIC_IDENTITY)
                ? publicIdentities(identity, identitySets) : List.of();
        List<RepositoryData> items = new ArrayList<>();
        if (dataReferences.contains(DATA_REFERENCE_REPOSITORY_DATA)) {
            for (String serviceIndication : serviceIndications) {
                repository.find(impu, serviceIndication).ifPresent(items::add);
            }
        }
        boolean wantsState = dataReferences.contains(DATA_REFERENCE_IMS_USER_STATE);
        boolean wantsScscf = dataReferences.contains(DATA_REFERENCE_S_CSCF_NAME);
        boolean wantsIfcs = dataReferences.contains(DATA_REFERENCE_INITIAL_FILTER_CRITERIA);
        Optional<ShData.ImsData> ims = Optional.empty();
        if (wantsState || wantsScscf || wantsIfcs) {
            Optional<ImpuRegistration> registration = wantsState || wantsScscf
                    ? store.identities().registration(identity.impu()) : Optional.empty();
            ims = Optional.of(new ShData.ImsData(
                    wantsScscf ? registration.flatMap(ImpuRegistration::scscfName) : Optional.empty(),
                    wantsIfcs ? Optional.of(filterCriteria(identity, asServerName)) : Optional.empty(),
                    wantsState ? Optional.of(userState(registration)) : Optional.empty()));
        }
        return new ShData(publicIdentities, items, ims);
    }

    private List<String> publicIdentities(PublicIdentityRecord identity, Collection<Integer> identitySets) {
        List<PublicIdentityRecord> all = identitySets.contains(IDENTITY_SET_IMPLICIT) && identitySets.size() == 1
                ? store.identities().implicitSet(identity.impu())
                : store.identities().publicIdentities(identity.subscriptionId());
        List<String> out = new ArrayList<>();
        for (PublicIdentityRecord candidate : all) {
            if (inSets(identity, candidate, identitySets)) {
                out.add(candidate.impu().uri());
            }
        }
        return out;
    }

    private boolean inSets(PublicIdentityRecord requested, PublicIdentityRecord candidate, Collection<Integer> sets) {
        if (sets.isEmpty() || sets.contains(IDENTITY_SET_ALL)) {
            return true;
        }
        if (sets.contains(IDENTITY_SET_IMPLICIT) && candidate.implicitSet() == requested.implicitSet()) {
            return true;
        }
        if (sets.contains(IDENTITY_SET_ALIAS) && requested.aliasGroup().isPresent()
                && requested.aliasGroup().equals(candidate.aliasGroup())) {
            return true;
        }
        return sets.contains(IDENTITY_SET_REGISTERED) && store.identities().registration(candidate.impu())
                .map(r -> r.state() == RegistrationState.REGISTERED).orElse(false);
    }

    private List<String> filterCriteria(PublicIdentityRecord identity, Optional<String> asServerName) {
        if (identity.privateIdentities().isEmpty()) {
            return List.of();
        }
        Impi anyImpi = identity.privateIdentities().iterator().next();
        List<String> out = new ArrayList<>();
        store.subscriptions().userProfile(anyImpi, identity.impu()).ifPresent(profileDocument -> {
            for (ServiceProfile profile : profileDocument.serviceProfiles()) {
                if (profile.publicIdentities().stream().noneMatch(p -> p.identity().equals(identity.impu()))) {
                    continue;
                }
                for (InitialFilterCriteria ifc : profile.filterCriteria()) {
                    if (asServerName.isEmpty() || asServerName.get().equals(ifc.applicationServer().serverName())) {
                        out.add(IFC_WRITER.writeFilterCriteria(ifc));
                    }
                }
            }
        });
        return out;
    }

    /**
     * tIMSUserState (TS 29.328 Annex D): a user not registered whose authentication an S-CSCF has begun (a MAR,
     * not yet ended by a SAR) is AUTHENTICATION_PENDING.
     */
    private static ShData.ImsUserState userState(Optional<ImpuRegistration> registration) {
        return switch (registration.map(ImpuRegistration::state).orElse(RegistrationState.NOT_REGISTERED)) {
            case REGISTERED -> ShData.ImsUserState.REGISTERED;
            case UNREGISTERED -> ShData.ImsUserState.REGISTERED_UNREG_SERVICES;
            case NOT_REGISTERED -> registration.flatMap(ImpuRegistration::pendingScscf).isPresent()
                    ? ShData.ImsUserState.AUTHENTICATION_PENDING : ShData.ImsUserState.NOT_REGISTERED;
        };
    }
}
