package io.osprey.diameter.peer;

import io.osprey.diameter.message.DiameterMessage;
import java.net.InetAddress;

/**
 * One transport connection to a peer, as the peer state machine sees it. Implementations report arrivals,
 * closure and failures to the owning {@link Peer}; {@link #send} and {@link #close} may be called from any thread.
 */
public interface PeerConnection {

    ConnectionSide side();

    /** Queues {@code message} for sending; failures show up as the connection closing. */
    void send(DiameterMessage message);

    /** Queues a message already in its RFC 6733 §3 wire form; the array must not change afterwards. */
    void sendEncoded(byte[] message);

    /** Closes the connection; the peer then hears {@link Peer#connectionClosed}. Harmless when already closed. */
    void close();

    /** The local address of the connection, announced as Host-IP-Address when none is configured. */
    InetAddress localAddress();
}
