package io.osprey.diameter.routing;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.peer.Peer;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Request routing of RFC 6733 §6.1. A received request is processed locally when its Destination-Host is this
 * node, or when it names no other host, is for the local realm and the application is served here. Otherwise
 * it is forwarded, which needs the P bit (§6.1.4 keeps non-proxiable requests local) and no Route-Record with
 * this node's identity (§6.1.3, 3005 DIAMETER_LOOP_DETECTED). A request to forward or originate goes to its
 * Destination-Host when that is an available peer supporting the application (§6.1.5), else by the realm
 * routing table, else (only for a request naming no Destination-Host) to an available peer of the Destination-Realm
 * that announced the application. No route gives 3002 DIAMETER_UNABLE_TO_DELIVER when the realm is known or a
 * Destination-Host is named, 3003 DIAMETER_REALM_NOT_SERVED when not.
 */
public final class Router {

    private final String localHost;
    private final String localRealm;
    private final LongPredicate servedLocally;
    private final RoutingTable table;
    private final PeerDirectory peers;

    /**
     * @param servedLocally which Application-IDs this node processes itself
     */
    public Router(String localHost, String localRealm, LongPredicate servedLocally, RoutingTable table,
                  PeerDirectory peers) {
        this.localHost = Objects.requireNonNull(localHost, "localHost");
        this.localRealm = Objects.requireNonNull(localRealm, "localRealm");
        this.servedLocally = Objects.requireNonNull(servedLocally, "servedLocally");
        this.table = Objects.requireNonNull(table, "table");
        this.peers = Objects.requireNonNull(peers, "peers");
    }

    /** Routes a request received from {@code from}. */
    public RouteDecision routeReceived(DiameterMessage request, Peer from) {
        Optional<String> destinationHost = identity(request, BaseDictionary.DESTINATION_HOST.code());
        Optional<String> destinationRealm = identity(request, BaseDictionary.DESTINATION_REALM.code());
        if (destinationHost.isPresent()) {
            if (destinationHost.get().equalsIgnoreCase(localHost)) {
                return new RouteDecision.Local();
            }
        } else if (destinationRealm.isEmpty() || destinationRealm.get().equalsIgnoreCase(localRealm)) {
            if (servedLocally.test(request.applicationId()) || !request.isProxiable()) {
                return new RouteDecision.Local();
            }
            Optional<RealmRoute> route = table.lookup(localRealm, request.applicationId());
            if (route.isEmpty() || route.get().action() == RouteAction.LOCAL) {
                return new RouteDecision.Local(); // answered 3007 by the local dispatcher
            }
        }
        if (!request.isProxiable()) {
            return new RouteDecision.Reject(ResultCodes.DIAMETER_UNABLE_TO_DELIVER,
                    "request without the P bit is not for " + localHost);
        }
        for (Avp record : request.avps(BaseDictionary.ROUTE_RECORD)) {
            if (record.asDiameterIdentity().equalsIgnoreCase(localHost)) {
                return new RouteDecision.Reject(ResultCodes.DIAMETER_LOOP_DETECTED,
                        "Route-Record already holds " + localHost);
            }
        }
        return routeOutgoing(request, peer -> peer == from);
    }

    /** Chooses where to send a request originated here or being forwarded; {@code excluded} peers are skipped. */
    public RouteDecision routeOutgoing(DiameterMessage request, Predicate<Peer> excluded) {
        long app = request.applicationId();
        Optional<String> destinationHost = identity(request, BaseDictionary.DESTINATION_HOST.code());
        if (destinationHost.isPresent()) {
            Peer peer = peers.peer(destinationHost.get());
            if (usable(peer, app, excluded)) {
                return new RouteDecision.Forward(peer);
            }
        }
        Optional<String> destinationRealm = identity(request, BaseDictionary.DESTINATION_REALM.code());
        if (destinationRealm.isEmpty()) {
            return new RouteDecision.Reject(ResultCodes.DIAMETER_UNABLE_TO_DELIVER, destinationHost
                    .map(host -> "Destination-Host " + host + " is not an available peer and no Destination-Realm is given")
                    .orElse("request has neither Destination-Host nor Destination-Realm"));
        }
        String realm = destinationRealm.get();
        Optional<RealmRoute> route = table.lookup(realm, app);
        if (route.isPresent()) {
            if (route.get().action() == RouteAction.LOCAL) {
                return new RouteDecision.Local();
            }
            for (String host : route.get().peers()) {
                Peer peer = peers.peer(host);
                if (usable(peer, app, excluded)) {
                    return new RouteDecision.Forward(peer);
                }
            }
            return new RouteDecision.Reject(ResultCodes.DIAMETER_UNABLE_TO_DELIVER, "no peer of the route to realm "
                    + realm + " is available for application " + app);
        }
        if (destinationHost.isPresent()) {
            // Only a configured route leads to agents that may reach the host. Any other peer of the realm may be
            // an endpoint, such as another S-CSCF, that would take a request meant for one S-CSCF (an RTR) as its
            // own; and this node is not the host either.
            return new RouteDecision.Reject(ResultCodes.DIAMETER_UNABLE_TO_DELIVER, "Destination-Host "
                    + destinationHost.get() + " is not an available peer and no route to realm " + realm
                    + " is configured");
        }
        boolean realmKnown = false;
        for (Peer peer : peers.peers()) {
            if (peer.realm().equalsIgnoreCase(realm)) {
                realmKnown = true;
                if (usable(peer, app, excluded)) {
                    return new RouteDecision.Forward(peer);
                }
            }
        }
        if (realm.equalsIgnoreCase(localRealm) && servedLocally.test(app)) {
            return new RouteDecision.Local();
        }
        return realmKnown
                ? new RouteDecision.Reject(ResultCodes.DIAMETER_UNABLE_TO_DELIVER, "no peer of realm " + realm
                        + " is available for application " + app)
                : new RouteDecision.Reject(ResultCodes.DIAMETER_REALM_NOT_SERVED, "no route to realm " + realm);
    }

    private static boolean usable(Peer peer, long app, Predicate<Peer> excluded) {
        return peer != null && peer.isAvailable() && peer.supports(app) && !excluded.test(peer);
    }

    private static Optional<String> identity(DiameterMessage request, int code) {
        return request.avp(code).map(Avp::asDiameterIdentity);
    }
}
