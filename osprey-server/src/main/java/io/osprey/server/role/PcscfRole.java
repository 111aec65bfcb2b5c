package io.osprey.server.role;

import io.osprey.cscf.pcscf.PcscfPolicy;
import io.osprey.cscf.pcscf.PcscfSettings;
import io.osprey.server.config.PcscfConfig;
import io.osprey.sip.pheaders.IcidGenerator;
import io.osprey.sip.proxy.NextHops;
import java.time.Clock;

/** {@code osprey run pcscf}: the UE's first hop (TS 24.229 §5.2), on UDP and TCP, port 5060 by default. */
final class PcscfRole extends CscfRole {

    PcscfRole(RoleContext context) {
        super("pcscf", context);
    }

    private PcscfConfig config() {
        return context.config().pcscf();
    }

    @Override
    String listen() {
        return config().listen();
    }

    @Override
    int port() {
        return config().port();
    }

    @Override
    public void start() throws Exception {
        PcscfConfig config = config();
        PcscfSettings settings = new PcscfSettings(config.listen(), config.port(), env.home(), env.icscfUri(),
                config.visitedNetworkId() == null ? env.home() : config.visitedNetworkId(), config.emergencyRoute());
        IcidGenerator icids = new IcidGenerator("pcscf");
        PcscfPolicy policy = new PcscfPolicy(settings, icids::next, Clock.systemUTC());
        // UEs reach the P-CSCF by address, so it advertises its listen address in Path and Record-Route.
        NextHops nextHops = startNode(config.listen(), policy, true, policy::expire);
        policy.bind(node.stack().transactions(), nextHops);
    }
}
