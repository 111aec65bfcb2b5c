package io.osprey.sip.proxy;

import io.osprey.sip.message.Via;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The addresses this proxy is known by: the host it advertises in Via and Record-Route, other names and IPs that
 * mean "this proxy" (RFC 3261 §16.4 asks whether a Route or Request-URI "indicates this proxy"), and the port of
 * each transport.
 */
public final class LocalAddresses {

    private final String advertisedHost;
    private final Set<String> hosts;
    private final Map<TransportProtocol, Integer> ports;
    /** Record-Route values and Via prefixes by transport, built once: every forwarded request needs them. */
    private final Map<TransportProtocol, String> recordRoutes = new EnumMap<>(TransportProtocol.class);
    private final Map<TransportProtocol, String> viaPrefixes = new EnumMap<>(TransportProtocol.class);

    public LocalAddresses(String advertisedHost, Set<String> aliases, Map<TransportProtocol, Integer> ports) {
        this.advertisedHost = advertisedHost;
        this.hosts = aliases.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
        this.ports = new EnumMap<>(ports);
        for (TransportProtocol transport : TransportProtocol.values()) {
            StringBuilder uri = new StringBuilder("<sip:").append(hostForUri()).append(':').append(port(transport));
            if (transport != TransportProtocol.UDP) {
                uri.append(";transport=").append(transport.name().toLowerCase(Locale.ROOT));
            }
            recordRoutes.put(transport, uri.append(";lr>").toString());
            viaPrefixes.put(transport, "SIP/2.0/" + transport.viaName() + " " + hostForUri() + ":" + port(transport)
                    + ";branch=");
        }
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    /** Port of {@code transport}, or 0 when this proxy does not listen on it. */
    public int port(TransportProtocol transport) {
        return ports.getOrDefault(transport, 0);
    }

    /** Whether {@code uri} names this proxy: one of its hosts and one of its ports (the default port if none). */
    public boolean isLocal(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            return false;
        }
        String host = sip.host().toLowerCase(Locale.ROOT);
        if (!host.equals(advertisedHost.toLowerCase(Locale.ROOT)) && !hosts.contains(host)) {
            return false;
        }
        int port = sip.port() > 0 ? sip.port() : sip.isSecure() ? 5061 : 5060;
        return ports.containsValue(port);
    }

    /** Whether a Via's sent-by is this proxy (host and one of its ports). */
    public boolean isOurVia(Via via) {
        String host = via.host();
        if (!host.equalsIgnoreCase(advertisedHost) && !hosts.contains(host.toLowerCase(Locale.ROOT))) {
            return false;
        }
        TransportProtocol transport = TransportProtocol.fromToken(via.transport());
        int port = via.port() > 0 ? via.port() : transport == null ? 5060 : transport.defaultPort();
        return ports.containsValue(port);
    }

    /** The URI this proxy puts in Record-Route for messages on {@code transport} (RFC 3261 §16.6 step 4). */
    public String recordRoute(TransportProtocol transport) {
        return recordRoutes.get(transport);
    }

    /** The Via value for a request this proxy sends on {@code transport} with {@code branch}. */
    public String via(TransportProtocol transport, String branch) {
        return viaPrefixes.get(transport).concat(branch);
    }

    private String hostForUri() {
        return advertisedHost.indexOf(':') >= 0 && !advertisedHost.startsWith("[")
                ? "[" + advertisedHost + "]" : advertisedHost;
    }
}
