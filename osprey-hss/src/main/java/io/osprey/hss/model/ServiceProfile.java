package io.osprey.hss.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One service profile of a user profile document, tServiceProfile of TS 29.228 Annex E / §B.2: the public
 * identities that share it, the core network service authorisation, the iFCs and the shared iFC set ids
 * (TS 29.228 §6.6.3, Rel-7+ Extension).
 *
 * @param publicIdentities         at least one
 * @param subscribedMediaProfileId CoreNetworkServicesAuthorization/SubscribedMediaProfileId
 * @param filterCriteria           iFCs in ascending priority, priorities unique
 * @param sharedIfcSetIds          ids of iFC sets the S-CSCF holds locally
 */
public record ServiceProfile(
        List<PublicIdentity> publicIdentities,
        Optional<Integer> subscribedMediaProfileId,
        List<InitialFilterCriteria> filterCriteria,
        List<Integer> sharedIfcSetIds) {

    /** Most public identities one profile may hold. */
    public static final int MAX_IDENTITIES = 1024;
    /** Most iFCs one profile may hold. */
    public static final int MAX_FILTER_CRITERIA = 256;
    /** Most shared iFC set ids one profile may hold. */
    public static final int MAX_SHARED_SETS = 256;

    public ServiceProfile {
        publicIdentities = Checks.list("serviceProfile.publicIdentity", publicIdentities, 1, MAX_IDENTITIES);
        Checks.optional("serviceProfile.subscribedMediaProfileId", subscribedMediaProfileId)
                .ifPresent(id -> Checks.nonNegative("serviceProfile.subscribedMediaProfileId", id));
        filterCriteria = sortedUnique(Checks.list("serviceProfile.initialFilterCriteria", filterCriteria, 0,
                MAX_FILTER_CRITERIA));
        sharedIfcSetIds = Checks.list("serviceProfile.sharedIfcSetId", sharedIfcSetIds, 0, MAX_SHARED_SETS);
        for (int id : sharedIfcSetIds) {
            Checks.nonNegative("serviceProfile.sharedIfcSetId", id);
        }
    }

    /** A copy of {@code criteria} sorted by priority; throws if two share a priority. */
    static List<InitialFilterCriteria> sortedUnique(List<InitialFilterCriteria> criteria) {
        Set<Integer> seen = new HashSet<>();
        for (InitialFilterCriteria ifc : criteria) {
            if (!seen.add(ifc.priority())) {
                throw new InvalidValueException("initialFilterCriteria.priority",
                        "priority " + ifc.priority() + " is used twice in one service profile");
            }
        }
        return criteria.stream().sorted(InitialFilterCriteria.BY_PRIORITY).toList();
    }
}
