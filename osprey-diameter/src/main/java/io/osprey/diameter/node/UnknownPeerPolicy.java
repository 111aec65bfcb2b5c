package io.osprey.diameter.node;

import io.osprey.diameter.message.AvpData;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which peers that are not configured may connect (RFC 6733 §5.3: a CER from an unknown peer may be refused
 * with 3010 DIAMETER_UNKNOWN_PEER). Configured peers are always accepted.
 *
 * @param anyHost       accept every Origin-Host
 * @param acceptedHosts Origin-Hosts accepted besides the configured peers (lower case)
 */
public record UnknownPeerPolicy(boolean anyHost, Set<String> acceptedHosts) {

    public UnknownPeerPolicy {
        acceptedHosts = acceptedHosts.stream().map(host -> {
            if (!AvpData.isValidDiameterIdentity(host)) {
                throw new IllegalArgumentException("accepted peer host must be an ASCII FQDN, was '" + host + "'");
            }
            return host.toLowerCase(Locale.ROOT);
        }).collect(Collectors.toUnmodifiableSet());
    }

    public static UnknownPeerPolicy acceptAny() {
        return new UnknownPeerPolicy(true, Set.of());
    }

    /** Only configured peers. */
    public static UnknownPeerPolicy rejectAll() {
        return new UnknownPeerPolicy(false, Set.of());
    }

    public static UnknownPeerPolicy acceptOnly(List<String> hosts) {
        return new UnknownPeerPolicy(false, Set.copyOf(hosts));
    }

    public boolean accepts(String host) {
        return anyHost || acceptedHosts.contains(host.toLowerCase(Locale.ROOT));
    }
}
