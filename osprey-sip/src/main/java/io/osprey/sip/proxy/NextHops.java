package io.osprey.sip.proxy;

import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a SIP URI into a hop (RFC 3263 §4 in its simplest form): {@code maddr} or the host, the explicit port or
 * the transport's default, the {@code transport} parameter or TLS for sips, else UDP. Numeric hosts need no lookup;
 * names are resolved once through the system resolver and cached (NAPTR/SRV selection is not done yet).
 */
public final class NextHops {

    private final Map<String, InetAddress> resolved = new ConcurrentHashMap<>();

    public NextHops() {
    }

    /**
     * With host names fixed in advance, as an {@code /etc/hosts} entry would: the all-in-one core names its CSCFs
     * by the home domain's conventions and runs them all on one address.
     */
    public NextHops(Map<String, InetAddress> staticHosts) {
        staticHosts.forEach((host, address) -> resolved.put(host.toLowerCase(java.util.Locale.ROOT), address));
    }

    /** The hop for {@code uri}, or null when it is not a SIP URI or its host cannot be resolved. */
    public Hop resolve(Uri uri) {
        if (!(uri instanceof SipUri sip)) {
            return null;
        }
        TransportProtocol transport = TransportProtocol.fromToken(sip.transportParam());
        if (transport == null) {
            transport = sip.isSecure() ? TransportProtocol.TLS : TransportProtocol.UDP;
        }
        String host = sip.maddrParam() != null ? sip.maddrParam() : sip.host();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetAddress address = address(host);
        if (address == null) {
            return null;
        }
        int port = sip.port() > 0 ? sip.port() : transport.defaultPort();
        return new Hop(transport, new InetSocketAddress(address, port));
    }

    private InetAddress address(String host) {
        InetAddress cached = resolved.get(host.toLowerCase(java.util.Locale.ROOT));
        if (cached != null) {
            return cached;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            resolved.put(host.toLowerCase(java.util.Locale.ROOT), address);
            return address;
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
