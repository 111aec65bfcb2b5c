package io.osprey.diameter.routing;

import io.osprey.diameter.message.AvpData;
import java.util.List;
import java.util.Objects;

/**
 * One entry of the realm routing table (RFC 6733 §2.7): requests for {@code realm} and {@code applicationId}
 * get {@code action}; forwarded ones go to the first available of {@code peers}, in order.
 *
 * @param realm         the Destination-Realm, or {@link RoutingTable#ANY_REALM} for the default route
 * @param applicationId the Application-ID, or {@link RoutingTable#ANY_APPLICATION}
 */
public record RealmRoute(String realm, long applicationId, RouteAction action, List<String> peers) {

    public RealmRoute {
        Objects.requireNonNull(action, "action");
        peers = List.copyOf(peers);
        if (!RoutingTable.ANY_REALM.equals(realm) && !AvpData.isValidDiameterIdentity(realm)) {
            throw new IllegalArgumentException("route realm must be an ASCII realm or '*', was '" + realm + "'");
        }
        if (applicationId < RoutingTable.ANY_APPLICATION || applicationId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("route application id must be 0.." + 0xFFFF_FFFFL + " or -1 for any, was "
                    + applicationId);
        }
        if (action != RouteAction.LOCAL && peers.isEmpty()) {
            throw new IllegalArgumentException("route to realm " + realm + " with action " + action + " names no peer");
        }
    }

    /** Forward requests of any application for {@code realm} to {@code peers}. */
    public static RealmRoute relay(String realm, String... peers) {
        return new RealmRoute(realm, RoutingTable.ANY_APPLICATION, RouteAction.RELAY, List.of(peers));
    }

    /** Process requests of {@code applicationId} for {@code realm} locally. */
    public static RealmRoute local(String realm, long applicationId) {
        return new RealmRoute(realm, applicationId, RouteAction.LOCAL, List.of());
    }
}
