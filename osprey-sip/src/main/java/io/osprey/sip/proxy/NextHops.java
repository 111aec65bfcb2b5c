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

    /** Past this many distinct hops the hop table starts again (it only saves memory; nothing depends on it). */
    static final int MAX_SHARED_HOPS = 4096;

    private final Map<String, InetAddress> resolved = new ConcurrentHashMap<>();
    /**
     * One {@link Hop} per destination, shared by every branch that goes there: a proxy's client transactions live
     * for up to 64*T1 and nearly all of them go to a handful of next hops, so a new hop (and socket address) for
     * each would be most of what a lingering branch keeps.
     */
    private final Map<HopKey, Hop> hops = new ConcurrentHashMap<>();

    private record HopKey(TransportProtocol transport, InetAddress address, int port) { }

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
        HopKey key = new HopKey(transport, address, port);
        Hop hop = hops.get(key);
        if (hop == null) {
            if (hops.size() >= MAX_SHARED_HOPS) {
                hops.clear();
            }
            hop = new Hop(transport, new InetSocketAddress(address, port));
            hops.put(key, hop);
        }
        return hop;
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
