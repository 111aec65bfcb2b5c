package io.osprey.diameter.peer;

import io.osprey.diameter.message.DiameterMessage;

/** What a {@link Peer} needs from its node: transport, delivery of requests, and rerouting on failover. */
public interface PeerContext {

    /**
     * Opens a transport connection to {@code peer}; the result comes back through
     * {@link Peer#connectionEstablished} or {@link Peer#connectionFailed}.
     */
    void connect(Peer peer);

    /** A request arrived from {@code peer} on an open connection; its answer goes back on {@code connection}. */
    void requestReceived(Peer peer, PeerConnection connection, DiameterMessage request);

    /**
     * Offers a request waiting on {@code from} to another peer after failover (RFC 6733 §5.5.4). Returns false
     * when no other peer can take it, so it keeps waiting where it is.
     */
    boolean reroute(Peer from, PendingRequest request);

    /** {@code peer} became usable for requests (open and watchdog OKAY) or stopped being so. */
    default void availabilityChanged(Peer peer, boolean available) {
    }
}
