package io.osprey.diameter.peer;

import io.osprey.diameter.message.AvpData;
import java.util.Objects;

/**
 * A peer the node connects to (RFC 6733 §2.1): its Diameter identity and realm, and where to reach it.
 *
 * @param host    the peer's Origin-Host
 * @param realm   the peer's Origin-Realm, used for realm routing before its CEA is known
 * @param address host name or IP address to connect to
 * @param port    TCP port, 3868 by default for Diameter
 */
public record PeerConfig(String host, String realm, String address, int port) {

    public static final int DEFAULT_PORT = 3868;

    public PeerConfig {
        if (!AvpData.isValidDiameterIdentity(host)) {
            throw new IllegalArgumentException("peer host must be a non-empty ASCII FQDN, was '" + host + "'");
        }
        if (!AvpData.isValidDiameterIdentity(realm)) {
            throw new IllegalArgumentException("peer realm of " + host + " must be a non-empty ASCII realm, was '"
                    + realm + "'");
        }
        Objects.requireNonNull(address, "address");
        if (address.isEmpty()) {
            throw new IllegalArgumentException("peer address of " + host + " must not be empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port of " + host + " must be 1..65535, was " + port);
        }
    }
}
