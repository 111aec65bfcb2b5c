package io.osprey.ue;

import io.osprey.sip.transport.TransportProtocol;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where this UE is reachable and how it names itself: the host and port for Via sent-by (RFC 3261 §18.1.1, with
 * {@code rport} of RFC 3581) and Contact (§8.1.1.8), and fresh branch ids (§8.1.1.7), tags (§19.3) and Call-IDs
 * (§8.1.1.4).
 *
 * @param transport the transport toward the P-CSCF
 * @param address   the local IP
 * @param port      the local port of {@code transport} (the TLS listener's port for TLS)
 * @param user      the user part of the Contact URI
 */
record LocalEndpoint(TransportProtocol transport, InetAddress address, int port, String user) {

    /** The host as written in URIs and Via: an IPv6 literal in brackets. */
    String host() {
        String text = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** {@code sip:user@host:port}, with {@code ;transport=} for TCP and TLS. */
    String contactUri() {
        StringBuilder uri = new StringBuilder("sip:").append(user).append('@').append(host()).append(':').append(port);
        if (transport != TransportProtocol.UDP) {
            uri.append(";transport=").append(transport.name().toLowerCase(Locale.ROOT));
        }
        return uri.toString();
    }

    /** The Contact header value of dialogs and out-of-dialog requests. */
    String contact() {
        return "<" + contactUri() + ">";
    }

    /** A Via value with a new branch and an empty {@code rport} (RFC 3581 §3). */
    String via(String branch) {
        return "SIP/2.0/" + transport.viaName() + " " + host() + ":" + port + ";rport;branch=" + branch;
    }

    /** A new RFC 3261 branch: the magic cookie and 64 random bits. */
    static String newBranch() {
        return "z9hG4bK" + random();
    }

    /** A new tag with 63 random bits (RFC 3261 §19.3 asks for at least 32). */
    static String newTag() {
        return random();
    }

    /** A new Call-ID, {@code random@host}. */
    String newCallId() {
        return random() + random() + "@" + address.getHostAddress().replace(':', '.');
    }

    private static String random() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
