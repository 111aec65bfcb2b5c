package io.osprey.sip.transaction;

import io.osprey.sip.transport.InboundMessage;

/**
 * The core above the transaction layer (a proxy, a registrar, a UA). Every call arrives on the lane of the Call-ID.
 */
public interface TransactionUser {

    /** A new request created server transaction {@code transaction}; the TU must answer through it. */
    void onRequest(ServerTransaction transaction, InboundMessage request);

    /**
     * An ACK that matched no server transaction: the ACK for a 2xx, which is end-to-end and travels outside the
     * INVITE transaction (RFC 3261 §17.2.1, §13.2.2.4).
     */
    void onAck(InboundMessage ack);

    /** A response that matched no client transaction (RFC 3261 §17.1.3, §16.7 stateless forwarding of 2xx). */
    void onStrayResponse(InboundMessage response);

    /** A server transaction ended; e.g. timer H fired without an ACK, or a response could not be sent. */
    default void onServerTransactionTerminated(ServerTransaction transaction, boolean timedOut) {
    }
}
