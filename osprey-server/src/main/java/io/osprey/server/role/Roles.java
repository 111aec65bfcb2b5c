package io.osprey.server.role;

import io.osprey.server.config.OspreyConfig;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The roles this build can run, by name. */
public final class Roles {

    private static final Map<String, Function<OspreyConfig, Role>> FACTORIES = Map.of(
            "proxy", ProxyRole::new);

    /** What {@code osprey up} starts: every role that exists today. */
    public static final List<String> ALL_IN_ONE = List.of("proxy");

    private Roles() {
    }

    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }

    /** The role named {@code name}; an unknown name fails with the list of known ones. */
    public static Role create(String name, OspreyConfig config) {
        Function<OspreyConfig, Role> factory = FACTORIES.get(name.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown role '" + name + "'; this build has: " + String.join(", ", names()));
        }
        return factory.apply(config);
    }
}
