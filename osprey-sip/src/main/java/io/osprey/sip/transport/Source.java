package io.osprey.sip.transport;

import java.net.InetSocketAddress;

/**
 * Where a message came from: the transport, the peer's address and the local address it arrived on. For
 * connection-oriented transports the peer address identifies the connection, over which responses go back
 * (RFC 3261 §18.2.2).
 */
public record Source(TransportProtocol transport, InetSocketAddress remote, InetSocketAddress local) {

    /** The hop that reaches the sender back directly. */
    public Hop asHop() {
        return new Hop(transport, remote);
    }
}
