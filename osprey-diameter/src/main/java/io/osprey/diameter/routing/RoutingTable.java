package io.osprey.diameter.routing;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The realm routing table of RFC 6733 §2.7, keyed by realm and Application-ID. A lookup prefers an entry for
 * the exact realm and application, then the realm with any application, then the default realm {@code *} with
 * the application, then {@code *} with any. Realms compare case-insensitively. Immutable.
 */
public final class RoutingTable {

    public static final String ANY_REALM = "*";
    public static final long ANY_APPLICATION = -1;

    private final Map<String, Map<Long, RealmRoute>> byRealm = new HashMap<>();
    private final List<RealmRoute> routes;

    public RoutingTable(List<RealmRoute> routes) {
        this.routes = List.copyOf(routes);
        for (RealmRoute route : this.routes) {
            RealmRoute previous = byRealm.computeIfAbsent(route.realm().toLowerCase(Locale.ROOT), r -> new HashMap<>())
                    .putIfAbsent(route.applicationId(), route);
            if (previous != null) {
                throw new IllegalArgumentException("two routes for realm " + route.realm() + " and application "
                        + route.applicationId() + ": " + previous + " and " + route);
            }
        }
    }

    public static RoutingTable empty() {
        return new RoutingTable(List.of());
    }

    public List<RealmRoute> routes() {
        return routes;
    }

    public Optional<RealmRoute> lookup(String realm, long applicationId) {
        RealmRoute route = find(realm.toLowerCase(Locale.ROOT), applicationId);
        return Optional.ofNullable(route != null ? route : find(ANY_REALM, applicationId));
    }

    private RealmRoute find(String realmKey, long applicationId) {
        Map<Long, RealmRoute> entries = byRealm.get(realmKey);
        if (entries == null) {
            return null;
        }
        RealmRoute exact = entries.get(applicationId);
        return exact != null ? exact : entries.get(ANY_APPLICATION);
    }
}
