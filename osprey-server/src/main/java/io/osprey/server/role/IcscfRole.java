package io.osprey.server.role;

import io.osprey.cscf.icscf.IcscfPolicy;
import io.osprey.cscf.icscf.IcscfSettings;
import io.osprey.cscf.icscf.ScscfCandidate;
import io.osprey.cscf.icscf.TopologyHiding;
import io.osprey.cscf.numbers.PrefixRouteTable;
import io.osprey.server.config.ConfigException;
import io.osprey.server.config.IcscfConfig;
import io.osprey.server.config.RouteConfig;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** {@code osprey run icscf}: the home network's entry (TS 24.229 §5.3), port 4060 by default, Cx to the HSS. */
final class IcscfRole extends CscfRole {

    IcscfRole(RoleContext context) {
        super("icscf", context);
    }

    @Override
    String listen() {
        return context.config().icscf().listen();
    }

    @Override
    int port() {
        return context.config().icscf().port();
    }

    @Override
    public void start() throws Exception {
        IcscfConfig config = context.config().icscf();
        List<ScscfCandidate> candidates = new ArrayList<>();
        for (IcscfConfig.ScscfEntry entry : config.scscfs()) {
            candidates.add(new ScscfCandidate(entry.uri(), new HashSet<>(entry.capabilities())));
        }
        if (candidates.isEmpty()) {
            candidates.add(new ScscfCandidate(env.scscfUri(), java.util.Set.of()));
        }
        IcscfSettings settings = new IcscfSettings(env.name("icscf"), config.port(), env.home(), candidates,
                env.home(), context.config().overload().retryAfter(), config.scscfResponseTimeout());
        Function<String, String> breakout = breakout(config.breakout());
        diameter = env.cxNode("icscf", eventLoops());
        TopologyHiding hiding = config.topologyHiding()
                ? new TopologyHiding(env.home(), env.name("icscf"), config.port()) : null;
        IcscfPolicy policy = new IcscfPolicy(settings, cxClient(), breakout, hiding);
        // with topology hiding the I-CSCF is in the path already, by the token it puts in Record-Route
        startNode(env.name("icscf"), policy, config.recordRoute() && hiding == null, () -> { });
    }

    /** The breakout table: {@code *} is the default route; a trunk without a user part gets the number. */
    static Function<String, String> breakout(List<RouteConfig> routes) {
        Map<String, String> table = new HashMap<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig route = routes.get(i);
            String to = route.to().regionMatches(true, 0, "sip:", 0, 4) ? route.to() : "sip:" + route.to();
            table.put("*".equals(route.match()) ? "" : route.match(), to);
        }
        PrefixRouteTable prefixes;
        try {
            prefixes = PrefixRouteTable.of(table);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("icscf.breakout", e.getMessage());
        }
        return number -> prefixes.route(number).map(trunk -> trunk.indexOf('@') > 0 ? trunk
                : "sip:" + number + "@" + trunk.substring(4) + ";user=phone").orElse(null);
    }
}
