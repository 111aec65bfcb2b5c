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
     * Where a response goes when it cannot use the request's connection (RFC 3261 §18.2.2, RFC 3581 §4): the
     * {@code received} address (else the sent-by host) and the {@code rport} (else the sent-by port, else the
     * transport's default port). Null when the top Via is missing or unusable.
     */
    static InetSocketAddress responseTarget(SipResponse response, Source requestSource) {
        Via top = response.topVia();
        if (top == null) {
            return null;
        }
        String host = top.received() != null ? top.received() : top.host();
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        TransportProtocol transport = TransportProtocol.fromToken(top.transport());
        int port;
        // RFC 3581 §4 applies rport to unreliable transports only; over TCP/TLS the client's source port died
        // with the connection, so §18.2.2 connects to the sent-by port instead.
        if (transport == TransportProtocol.UDP && top.hasRport() && top.rport() > 0) {
            port = top.rport();
        } else if (top.port() > 0) {
            port = top.port();
        } else {
            port = transport == null ? 5060 : transport.defaultPort();
        }
        try {
            InetAddress address = InetAddress.getByName(host);
            if (address.isMulticastAddress() || isBroadcast(address)) {
                return null; // RFC 4475 §3.3.10 bcast: never send a response to a broadcast address
            }
            return new InetSocketAddress(address, port);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isBroadcast(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 && (bytes[3] & 0xff) == 255;
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
