package io.osprey.server.role;

import io.netty.channel.EventLoopGroup;
import io.osprey.cscf.CscfNode;
import io.osprey.cscf.cx.CxClient;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.transport.SipTrace;
import java.util.List;
import java.util.Set;

/**
 * What the three CSCF roles share: one {@link CscfNode} on the listen address and port of the role's section, the
 * Cx node towards the HSS for those that need one, both on the process's core event loops, and closing the two in
 * order.
 */
abstract class CscfRole implements Role {

    final RoleContext context;
    final CscfEnvironment env;
    private final String name;
    CscfNode node;
    DiameterNode diameter;

    CscfRole(String name, RoleContext context) {
        this.name = name;
        this.context = context;
        this.env = new CscfEnvironment(context);
    }

    @Override
    public String name() {
        return name;
    }

    abstract String listen();

    abstract int port();

    /** Starts the node with {@code policy}, advertised as {@code advertised}; returns its next hops. */
    NextHops startNode(String advertised, ProxyPolicy policy, boolean recordRoute, Runnable periodic)
            throws Exception {
        NextHops nextHops = env.nextHops();
        node = CscfNode.start(name, env.stack(listen(), port()), Set.of(),
                env.local(advertised, name, listen(), port()), nextHops, policy, recordRoute, periodic,
                context.config().overload().maxPendingDecisions(), eventLoops());
        return nextHops;
    }

    /**
     * The event loops of this function's SIP sockets and of its Diameter connection to the HSS: SIP work run in
     * place on an I/O thread writes its Cx request there directly, and the answer continues the work on that
     * thread (decision 0015). They are the process's core event loops, shared with the other core functions and
     * the HSS (decision 0018); the process's context shuts them down.
     */
    EventLoopGroup eventLoops() {
        return context.coreEventLoops();
    }

    /** The host name this function puts in its URIs: {@code <function>.<home>}. */
    String advertisedName() {
        return env.name(name);
    }

    @Override
    public String describe() {
        return name + " ready on " + listen() + ":" + port() + " (udp, tcp) as sip:" + advertisedName() + ":" + port();
    }

    @Override
    public List<SipTrace> sipTraces() {
        return node == null ? List.of() : List.of(node.stack().transports().trace());
    }

    /** The Cx client of this node: its outstanding requests bounded by {@code overload.max-outstanding-cx}. */
    CxClient cxClient() {
        return new CxClient(diameter, env.home(), context.config().overload().maxOutstandingCx());
    }

    /** Ctrl-C: calls being set up get this long to finish before the node closes. */
    static final java.time.Duration DRAIN = java.time.Duration.ofSeconds(5);

    /** Runs after draining, before the SIP stack closes: a role saves state that should outlive the process. */
    void afterDrain() {
    }

    @Override
    public void close() {
        if (node != null) {
            node.drain(DRAIN);
            afterDrain();
            node.close();
            node = null;
        }
        if (diameter != null) {
            diameter.close();
            diameter = null;
        }
    }
}
