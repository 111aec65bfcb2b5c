package io.osprey.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler;
import io.osprey.sip.codec.ComplianceCounters;
import io.osprey.sip.codec.CompliancePolicy;
import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.codec.SipMessageEncoder;
import io.osprey.sip.codec.SipStreamDecoder;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/**
 * The transport rules of RFC 3261 §18 that touch message content: stamping {@code received}/{@code rport} on
 * requests (§18.2.1, RFC 3581 §4), choosing where a response goes (§18.2.2, RFC 3581 §4), rewriting the
 * transport of a request moved from UDP to TCP (§18.1.1), and the stream framer.
 */
final class WireCodec {

    private WireCodec() {
    }

    static ChannelHandler streamDecoder(SipLimits limits) {
        return new SipStreamDecoder(new SipMessageDecoder(limits, CompliancePolicy.LENIENT, new ComplianceCounters()));
    }

    static void encode(io.osprey.sip.message.SipMessage message, ByteBuf out) {
        SipMessageEncoder.encode(message, out);
    }

    /** The wire form of {@code message} in an array of exactly its length. */
    static byte[] encode(io.osprey.sip.message.SipMessage message) {
        return SipMessageEncoder.encode(message);
    }

    /**
     * RFC 3261 §18.2.1: when the top Via's sent-by host differs from the packet's source address, add
     * {@code received}; RFC 3581 §4: fill in an empty {@code rport} with the source port. Returns the request
     * unchanged (no copy) when neither applies.
     */
    static SipRequest stampReceived(SipRequest request, InetSocketAddress source) {
        Via top = request.topVia();
        if (top == null || source == null) {
            return request;
        }
        String sourceIp = source.getAddress().getHostAddress();
        boolean needsReceived = !sameAddress(top.host(), source.getAddress());
        boolean needsRport = top.hasRport() && top.rport() < 0;
        if (!needsReceived && !needsRport) {
            return request;
        }
        // RFC 3581 §4: received is added whenever rport is filled, so it is added in both cases.
        Via stamped = top.withReceived(sourceIp);
        if (needsRport) {
            stamped = stamped.withRport(source.getPort());
        }
        return request.toBuilder().removeFirst("Via").addFirst("Via", stamped.toString()).build();
    }

    /**
     * RFC 5923 §5: the sent-by address of a top Via carrying {@code alias}, when it names an IP literal that differs
     * from the connection's own remote address; null otherwise. (Host names are not resolved on the I/O thread.)
     */
    static InetSocketAddress connectionAlias(SipRequest request, InetSocketAddress remote) {
        Via top = request.topVia();
        if (top == null || !top.params().has("alias")) {
            return null;
        }
        String host = top.host().startsWith("[") ? top.host().substring(1, top.host().length() - 1) : top.host();
        if (!isIpLiteral(host)) {
            return null;
        }
        TransportProtocol transport = TransportProtocol.fromToken(top.transport());
        int port = top.port() > 0 ? top.port() : transport == null ? 5060 : transport.defaultPort();
        try {
            InetSocketAddress sentBy = new InetSocketAddress(InetAddress.getByName(host), port);
            return sentBy.equals(remote) ? null : sentBy;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean sameAddress(String viaHost, InetAddress source) {
        String host = viaHost.startsWith("[") ? viaHost.substring(1, viaHost.length() - 1) : viaHost;
        if (host.equalsIgnoreCase(source.getHostAddress())) {
            return true;
        }
        if (!isIpLiteral(host)) {
            return false; // a host name: RFC 3261 §18.2.1 says add received (it never equals an address)
        }
        try {
            return InetAddress.getByName(host).equals(source);
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isIpLiteral(String host) {
        if (host.indexOf(':') >= 0) {
            return true;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return !host.isEmpty();
    }

    /**
     * Where a response goes when it cannot use the request's connection (RFC 3261 §18.2.2, RFC 3581 §4): over an
     * unreliable transport with a {@code maddr}, that address and the sent-by port (else the transport's default);
     * otherwise the {@code received} address (else the sent-by host) and, over UDP, the {@code rport} (else the
     * sent-by port, else the default). Null when the top Via is missing or unusable, or the address is not one a
     * response may go to ({@link UnicastCheck}: multicast, broadcast). When that is where the request came from,
     * the request's own source address is returned without another look-up.
     */
    static InetSocketAddress responseTarget(SipResponse response, Source requestSource) {
        Via top = response.topVia();
        if (top == null) {
            return null;
        }
        TransportProtocol transport = TransportProtocol.fromToken(top.transport());
        int sentByPort = top.port() > 0 ? top.port() : transport == null ? 5060 : transport.defaultPort();
        String maddr = top.maddr();
        String host;
        int port;
        if (maddr != null && transport == TransportProtocol.UDP) {
            host = maddr; // §18.2.2; RFC 3581 §4 uses received and rport only when there is no maddr
            port = sentByPort;
        } else {
            host = top.received() != null ? top.received() : top.host();
            // RFC 3581 §4 applies rport to unreliable transports only; over TCP/TLS the client's source port died
            // with the connection, so §18.2.2 connects to the sent-by port instead.
            port = transport == TransportProtocol.UDP && top.hasRport() && top.rport() > 0 ? top.rport() : sentByPort;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress source = requestSource == null ? null : requestSource.remote();
        if (source != null && source.getPort() == port && !source.isUnresolved()
                && isSameIpv4(host, source.getAddress())) {
            return UnicastCheck.isUnicast(source.getAddress()) ? source : null;
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            return UnicastCheck.isUnicast(address) ? new InetSocketAddress(address, port) : null;
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code host} is the dotted-quad form of {@code address}, decided without allocating. */
    static boolean isSameIpv4(String host, InetAddress address) {
        if (!(address instanceof java.net.Inet4Address)) {
            return false;
        }
        int value = 0;
        int octet = -1;
        int dots = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '.') {
                if (octet < 0 || ++dots > 3) {
                    return false;
                }
                value = value << 8 | octet;
                octet = -1;
            } else if (c >= '0' && c <= '9') {
                octet = octet < 0 ? c - '0' : octet * 10 + (c - '0');
                if (octet > 255) {
                    return false;
                }
            } else {
                return false;
            }
        }
        if (octet < 0 || dots != 3) {
            return false;
        }
        value = value << 8 | octet;
        byte[] bytes = address.getAddress();
        return value == ((bytes[0] & 0xff) << 24 | (bytes[1] & 0xff) << 16 | (bytes[2] & 0xff) << 8 | (bytes[3] & 0xff));
    }

    /** Whether a UDP request may move to TCP: only when its top Via is ours to rewrite (it was just pushed). */
    static boolean canSwitchToTcp(SipRequest request) {
        Via top = request.topVia();
        return top != null && "UDP".equalsIgnoreCase(top.transport());
    }

    /** The request with its top Via's transport (and sent-by port) changed, for the UDP→TCP switch of §18.1.1. */
    static SipRequest withTransport(SipRequest request, TransportProtocol transport, InetSocketAddress local) {
        Via top = request.topVia();
        int port = local != null ? local.getPort() : top.port();
        String value = "SIP/2.0/" + transport.viaName() + " " + top.host() + (port > 0 ? ":" + port : "")
                + paramsOf(top);
        return request.toBuilder().removeFirst("Via").addFirst("Via", value).build();
    }

    private static String paramsOf(Via via) {
        StringBuilder out = new StringBuilder();
        var params = via.params();
        for (int i = 0; i < params.size(); i++) {
            out.append(';').append(params.name(i));
            if (params.value(i) != null) {
                out.append('=').append(params.value(i));
            }
        }
        return out.toString();
    }
}
