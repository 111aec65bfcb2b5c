package io.osprey.server.role;

import io.osprey.cscf.CscfNode;
import io.osprey.cscf.pcscf.PcscfPolicy;
import io.osprey.cscf.pcscf.PcscfSettings;
import io.osprey.server.config.PcscfConfig;
import io.osprey.sip.pheaders.IcidGenerator;
import io.osprey.sip.proxy.LocalAddresses;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.stack.SipStackSettings;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code osprey run pcscf}: the UE's first hop (TS 24.229 §5.2), on UDP and TCP (port 5060 by default) and on TLS
 * (5061 by default, RFC 3261 §26.3.1, with a development certificate unless a key store is configured). Its
 * registration cache is saved to {@code pcscf.state-file} on a clean stop and restored on start.
 */
final class PcscfRole extends CscfRole {

    private static final Logger LOG = LoggerFactory.getLogger(PcscfRole.class);

    private PcscfPolicy policy;

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
                config.visitedNetworkId() == null ? env.home() : config.visitedNetworkId(), config.emergencyRoute(),
                config.secAgreeSettings());
        IcidGenerator icids = new IcidGenerator("pcscf");
        policy = new PcscfPolicy(settings, icids::next, Clock.systemUTC());
        restoreRegistrations(config.stateFile());
        NextHops nextHops = env.nextHops();
        // UEs reach the P-CSCF by address, so it advertises its listen address in Path and Record-Route.
        node = CscfNode.start(name(), stackSettings(config), policy.proxyRequireTags(), localAddresses(config),
                nextHops, policy, true, policy::housekeeping);
        policy.bind(node.stack().transactions(), nextHops);
    }

    /** A snapshot that cannot be read costs the UEs a new registration, never the start. */
    private void restoreRegistrations(Path stateFile) {
        try {
            int restored = policy.restoreRegistrations(stateFile);
            if (restored > 0) {
                LOG.info("pcscf: {} registration(s) restored from {}; their reg-event subscriptions are renewed {} "
                        + "a second", restored, stateFile, PcscfPolicy.RESUBSCRIBE_BATCH);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("pcscf: registrations not restored from {}: {}", stateFile, e.toString());
        }
    }

    /** Keeps the registration cache for the next start (UEs would otherwise be refused until they register again). */
    @Override
    void afterDrain() {
        if (policy == null) {
            return;
        }
        Path stateFile = config().stateFile();
        try {
            policy.saveRegistrations(stateFile);
        } catch (IOException | RuntimeException e) {
            LOG.warn("pcscf: registrations not saved to {}: {}", stateFile, e.toString());
        }
    }

    /** The CSCFs' stack settings with the P-CSCF's own listeners: UDP and TCP on one port, TLS on another. */
    private SipStackSettings stackSettings(PcscfConfig config) {
        SipStackSettings shared = env.entryStack(config.listen(), config.port());
        TransportConfig base = shared.transport();
        TransportConfig transport = new TransportConfig(base.bindAddress(), config.port(), config.port(),
                config.tlsPort(), config.tlsKeyStore(), base.advertisedHost(), base.udpMtuLimit(),
                base.idleTimeoutSeconds(), config.tlsTrust());
        return new SipStackSettings(transport, shared.limits(), shared.timers(), shared.lanes(), shared.laneQueue(),
                shared.rejectAbove(), shared.retryAfter(), shared.ioThreads(), shared.queueDelay());
    }

    private LocalAddresses localAddresses(PcscfConfig config) {
        Map<TransportProtocol, Integer> ports = new EnumMap<>(TransportProtocol.class);
        ports.put(TransportProtocol.UDP, config.port());
        ports.put(TransportProtocol.TCP, config.port());
        if (config.tlsPort() > 0) {
            ports.put(TransportProtocol.TLS, config.tlsPort());
        }
        return new LocalAddresses(config.listen(), Set.of(env.name("pcscf"), config.listen()), ports);
    }

    /** The P-CSCF's policy once started: its registration cache answers where a request for a contact would go. */
    PcscfPolicy policy() {
        return policy;
    }

    @Override
    public String describe() {
        PcscfConfig config = config();
        return "pcscf ready on " + config.listen() + ":" + config.port() + " (udp, tcp"
                + (config.tlsPort() > 0 ? "; tls on " + config.tlsPort() : "") + ") as sip:" + env.name("pcscf")
                + ":" + config.port()
                + (config.secAgree().isEmpty() ? "" : ", sec-agree " + String.join(", ", config.secAgree()));
    }
}
