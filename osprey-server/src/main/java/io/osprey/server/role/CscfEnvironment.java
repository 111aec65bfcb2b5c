package io.osprey.server.role;

import io.netty.channel.EventLoopGroup;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.server.config.IcscfConfig;
import io.osprey.server.config.OspreyConfig;
import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.proxy.LocalAddresses;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.stack.QueueDelay;
import io.osprey.sip.stack.SipStackSettings;
import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the CSCF roles derive from one configuration: the names of the functions in the home domain
 * ({@code pcscf.<home>}, {@code icscf.<home>}, {@code scscf.<home>}, {@code hss.<home>}, as in the usual IMS
 * layout) bound to the addresses the configuration gives them, so that every process of a split deployment
 * resolves them alike without DNS; SIP stack settings; and the Cx client node towards the HSS.
 */
final class CscfEnvironment {

    private final OspreyConfig config;
    private final QueueDelay.Shared queueDelay;

    CscfEnvironment(RoleContext context) {
        this.config = context.config();
        this.queueDelay = context.queueDelay();
    }

    String home() {
        return config.homeDomain();
    }

    String name(String function) {
        return function + "." + config.homeDomain();
    }

    String icscfUri() {
        return "sip:" + name("icscf") + ":" + config.icscf().port();
    }

    /** This configuration's S-CSCF's host name: scscf.name, else {@code scscf.<home>}. */
    String scscfName() {
        return config.scscf().name() != null ? config.scscf().name() : name("scscf");
    }

    String scscfUri() {
        return "sip:" + scscfName() + ":" + config.scscf().port();
    }

    /**
     * Next hops that know the functions' names without DNS, and the S-CSCFs the I-CSCF lists with an address. An
     * S-CSCF of another name is also known as {@code scscf.<home>} (the name the other functions give it alone).
     */
    NextHops nextHops() {
        Map<String, InetAddress> hosts = new HashMap<>();
        hosts.put(name("pcscf"), address(config.pcscf().listen()));
        hosts.put(name("icscf"), address(config.icscf().listen()));
        hosts.put(name("scscf"), address(config.scscf().listen()));
        hosts.put(scscfName(), address(config.scscf().listen()));
        for (IcscfConfig.ScscfEntry entry : config.icscf().scscfs()) {
            if (entry.address() != null) {
                hosts.put(entry.host(), address(entry.address()));
            }
        }
        return new NextHops(hosts);
    }

    /** A function's local addresses: advertised by {@code advertised}, also known by its name and listen address. */
    LocalAddresses local(String advertised, String function, String listen, int port) {
        return new LocalAddresses(advertised, Set.of(name(function), listen),
                Map.of(TransportProtocol.UDP, port, TransportProtocol.TCP, port));
    }

    /** The settings of a stack behind the P-CSCF (an I- or S-CSCF's), which refuses for delay only alone. */
    SipStackSettings stack(String listen, int port) {
        return stack(listen, port, queueDelay.core());
    }

    /** The settings of a stack that takes requests from UEs (the P-CSCF's). */
    SipStackSettings entryStack(String listen, int port) {
        return stack(listen, port, queueDelay.entry());
    }

    private SipStackSettings stack(String listen, int port, QueueDelay delay) {
        TransportConfig transport = TransportConfig.udpTcp(listen, port);
        return new SipStackSettings(transport, SipLimits.DEFAULTS.withMaxBodySize(config.sip().maxBodyBytes()),
                new TransactionConfig(config.sip().t1(), config.sip().t2(), config.sip().t4()),
                config.sip().lanes(), config.sip().laneQueue(), config.overload().rejectAbove(),
                config.overload().retryAfter(), config.sip().ioThreads(), delay);
    }

    /**
     * A started Diameter node named {@code function.<home>} with the Cx application, peered with the HSS, its
     * connection on {@code eventLoops} (the function's SIP event loops, decision 0015).
     */
    DiameterNode cxNode(String function, EventLoopGroup eventLoops) {
        return cxNodeNamed(name(function), eventLoops);
    }

    /** As {@link #cxNode}, with the Diameter identity {@code host} (an S-CSCF of another name). */
    DiameterNode cxNodeNamed(String host, EventLoopGroup eventLoops) {
        DiameterNode node = new DiameterNode(DiameterNodeConfig.builder(host, home())
                .application(CxDictionary.APPLICATION)
                .requestTimeout(Duration.ofSeconds(4))
                .peer(new PeerConfig(name("hss"), home(), config.hss().listen(), config.hss().port()))
                .build(), eventLoops);
        node.start();
        return node;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("cannot resolve " + literal, e);
        }
    }
}
