package io.osprey.hss.cx;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Policy of the Cx server (TS 29.228 §6): the home domain, the visited networks whose P-CSCFs may register
 * users (the home domain always may), the realm used for SIP Digest HA1, the S-CSCFs offered in
 * Server-Capabilities when a subscription names none, and the most vectors one MAR may take.
 *
 * @param homeDomain             home network domain, e.g. {@code ims.mnc001.mcc001.3gppnetwork.org}
 * @param allowedVisitedNetworks Visited-Network-Identifier values allowed besides the home domain (any case)
 * @param digestRealm            Digest-Realm for SIP Digest users with a cleartext password
 * @param defaultScscfNames      S-CSCF SIP URIs offered when a subscription has no preferred ones
 * @param maxVectorsPerRequest   cap on SIP-Number-Auth-Items, 1 to 32
 */
public record CxServerConfig(String homeDomain, Set<String> allowedVisitedNetworks, String digestRealm,
                             List<String> defaultScscfNames, int maxVectorsPerRequest) {

    /** Largest {@link #maxVectorsPerRequest}, the AuC's own limit. */
    public static final int MAX_VECTORS = io.osprey.hss.store.AuthenticationCentre.MAX_VECTORS;

    public CxServerConfig {
        Objects.requireNonNull(homeDomain, "homeDomain");
        Objects.requireNonNull(digestRealm, "digestRealm");
        if (homeDomain.isBlank()) {
            throw new IllegalArgumentException("homeDomain must not be blank");
        }
        Set<String> lowered = new TreeSet<>();
        for (String network : allowedVisitedNetworks) {
            lowered.add(network.toLowerCase(Locale.ROOT));
        }
        lowered.add(homeDomain.toLowerCase(Locale.ROOT));
        allowedVisitedNetworks = Set.copyOf(lowered);
        defaultScscfNames = List.copyOf(defaultScscfNames);
        if (maxVectorsPerRequest < 1 || maxVectorsPerRequest > MAX_VECTORS) {
            throw new IllegalArgumentException("maxVectorsPerRequest must be 1 to " + MAX_VECTORS + ", was "
                    + maxVectorsPerRequest);
        }
    }

    /** Home users only, digest realm = home domain, S-CSCF {@code sip:scscf.<home>:6060}, up to 5 vectors. */
    public static CxServerConfig defaults(String homeDomain) {
        return new CxServerConfig(homeDomain, Set.of(), homeDomain, List.of("sip:scscf." + homeDomain + ":6060"), 5);
    }

    public CxServerConfig withAllowedVisitedNetworks(Set<String> networks) {
        return new CxServerConfig(homeDomain, networks, digestRealm, defaultScscfNames, maxVectorsPerRequest);
    }

    public CxServerConfig withDefaultScscfNames(List<String> names) {
        return new CxServerConfig(homeDomain, allowedVisitedNetworks, digestRealm, names, maxVectorsPerRequest);
    }

    /** Whether a user may register through {@code visitedNetwork} (compared ignoring case). */
    public boolean allowsVisitedNetwork(String visitedNetwork) {
        return allowedVisitedNetworks.contains(visitedNetwork.toLowerCase(Locale.ROOT));
    }
}
