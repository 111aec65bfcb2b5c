package io.osprey.server.role;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** The roles this build can run, by name. */
public final class Roles {

    private static final Map<String, Function<RoleContext, Role>> FACTORIES = Map.of(
            "proxy", context -> new ProxyRole(context.config()),
            "hss", HssRole::new,
            "pcscf", PcscfRole::new,
            "icscf", IcscfRole::new,
            "scscf", ScscfRole::new);

    /** What {@code osprey up} starts: every role that exists today. */
    public static final List<String> ALL_IN_ONE = List.of("hss", "scscf", "icscf", "pcscf");

    private Roles() {
    }

    public static List<String> names() {
        return FACTORIES.keySet().stream().sorted().toList();
    }

    /** The role named {@code name}; an unknown name fails with the list of known ones. */
    public static Role create(String name, RoleContext context) {
        Function<RoleContext, Role> factory = FACTORIES.get(name.toLowerCase(Locale.ROOT));
        if (factory == null) {
            throw new IllegalArgumentException("unknown role '" + name + "'; this build has: " + String.join(", ", names()));
        }
        return factory.apply(context);
    }
}
