package io.osprey.sip.transaction;

import io.osprey.sip.message.SipResponse;

/** The transaction user's side of a client transaction; every call arrives on the lane of the Call-ID. */
public interface ClientTransactionListener {

    /**
     * A response for the transaction: provisionals, the final response, and in the INVITE Accepted state further
     * 2xx responses (retransmissions or other forks, RFC 6026 §8.4). Retransmitted non-2xx finals are absorbed.
     */
    void onResponse(ClientTransaction transaction, SipResponse response);

    /** Timer B or F fired with no final response: the TU acts as if a 408 arrived (RFC 3261 §8.1.3.1). */
    void onTimeout(ClientTransaction transaction);

    /** The transport could not send the request (RFC 3261 §17.1.4): the TU acts as if a 503 arrived. */
    void onTransportError(ClientTransaction transaction, Throwable cause);

    /** The transaction ended and was removed; nothing more will be reported for it. */
    default void onTerminated(ClientTransaction transaction) {
    }
}
