package io.osprey.hss.model;

import java.util.List;

/**
 * The user profile document, IMSSubscription of TS 29.228 Annex D/E: one private identity and the service
 * profiles of the public identities it serves. The HSS sends it in the Cx User-Data AVP (SAA, PPR) and in Sh.
 *
 * @param privateId       PrivateID
 * @param serviceProfiles at least one ServiceProfile
 */
public record ImsSubscription(Impi privateId, List<ServiceProfile> serviceProfiles) {

    /** Most service profiles one document may hold. */
    public static final int MAX_SERVICE_PROFILES = 256;

    public ImsSubscription {
        Checks.notNull("privateId", privateId);
        serviceProfiles = Checks.list("serviceProfile", serviceProfiles, 1, MAX_SERVICE_PROFILES);
    }

    /** Every public identity of every service profile, in document order. */
    public List<PublicIdentity> publicIdentities() {
        return serviceProfiles.stream().flatMap(p -> p.publicIdentities().stream()).toList();
    }
}
