package io.osprey.server.role;

import io.osprey.server.config.ConfigException;
import io.osprey.server.config.OspreyConfig;
import io.osprey.server.config.ProxyConfig;
import io.osprey.server.config.RouteConfig;
import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.proxy.LocalAddresses;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.ProxySettings;
import io.osprey.sip.proxy.StatefulProxy;
import io.osprey.sip.proxy.StaticRoutes;
import io.osprey.sip.stack.QueueDelay;
import io.osprey.sip.stack.SipStack;
import io.osprey.sip.stack.SipStackSettings;
import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.SipTrace;
import io.osprey.sip.transport.TransportConfig;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.UriSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code osprey run proxy}: a plain RFC 3261 stateful proxy with a static route table, on UDP and TCP. */
final class ProxyRole implements Role {

    private final OspreyConfig config;
    private SipStack stack;
    private StatefulProxy proxy;

    ProxyRole(OspreyConfig config) {
        this.config = config;
    }

    @Override
    public String name() {
        return "proxy";
    }

    @Override
    public void start() throws Exception {
        ProxyConfig proxyConfig = config.proxy();
        TransportConfig transport = TransportConfig.udpTcp(proxyConfig.listen(), proxyConfig.port());
        SipStackSettings settings = new SipStackSettings(transport,
                SipLimits.DEFAULTS.withMaxBodySize(config.sip().maxBodyBytes()),
                new TransactionConfig(config.sip().t1(), config.sip().t2(), config.sip().t4()),
                config.sip().lanes(), config.sip().laneQueue(), config.overload().rejectAbove(),
                config.overload().retryAfter(), config.sip().ioThreads(),
                QueueDelay.of(config.overload().maxQueueDelay()));
        LocalAddresses local = new LocalAddresses(proxyConfig.listen(), Set.of(proxyConfig.listen()),
                Map.of(TransportProtocol.UDP, proxyConfig.port(), TransportProtocol.TCP, proxyConfig.port()));
        NextHops nextHops = new NextHops();
        StaticRoutes routes = new StaticRoutes(rules(proxyConfig.routes(), nextHops), local);
        stack = new SipStack(settings);
        proxy = new StatefulProxy(new ProxySettings(proxyConfig.recordRoute()), local, routes, nextHops, stack.sender());
        proxy.bind(stack.start(proxy));
    }

    /** Each route's {@code to} as a hop: {@code host:port} means UDP; a SIP URI may name its transport. */
    static List<StaticRoutes.Rule> rules(List<RouteConfig> routes, NextHops nextHops) {
        List<StaticRoutes.Rule> rules = new ArrayList<>();
        for (int i = 0; i < routes.size(); i++) {
            RouteConfig route = routes.get(i);
            String to = route.to().trim();
            String uri = to.regionMatches(true, 0, "sip:", 0, 4) || to.regionMatches(true, 0, "sips:", 0, 5)
                    ? to : "sip:" + to;
            Hop hop;
            try {
                hop = nextHops.resolve(SipUri.parse(uri));
            } catch (UriSyntaxException e) {
                throw new ConfigException("proxy.routes[" + i + "].to", "'" + to + "' is not host:port or a SIP URI ("
                        + e.getMessage() + ")");
            }
            if (hop == null) {
                throw new ConfigException("proxy.routes[" + i + "].to", "host of '" + to + "' cannot be resolved");
            }
            rules.add(new StaticRoutes.Rule(route.match(), hop));
        }
        return rules;
    }

    @Override
    public String describe() {
        ProxyConfig proxyConfig = config.proxy();
        return "proxy ready on " + proxyConfig.listen() + ":" + proxyConfig.port() + " (udp, tcp), "
                + proxyConfig.routes().size() + " route(s)";
    }

    @Override
    public List<SipTrace> sipTraces() {
        return stack == null ? List.of() : List.of(stack.transports().trace());
    }

    StatefulProxy proxy() {
        return proxy;
    }

    SipStack stack() {
        return stack;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }
}
