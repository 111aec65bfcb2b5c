package io.osprey.sip.transaction;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Hop;

/** A client transaction: sends one request to one hop and reports its responses to a listener. */
public abstract sealed class ClientTransaction extends Transaction
        permits InviteClientTransaction, NonInviteClientTransaction {

    /** Released once a final response arrives: nothing after that retransmits it (keeps 64*T1 states small). */
    SipRequest request;
    final Hop hop;
    final ClientTransactionListener listener;

    ClientTransaction(TransactionLayer layer, SipRequest request, Hop hop, ClientTransactionListener listener) {
        super(layer, TransactionKey.forClientRequest(request), request.callId().value(), hop.transport().reliable());
        this.request = request;
        this.hop = hop;
        this.listener = listener;
    }

    /** The request as sent, with this transaction's Via on top; null once a final response has arrived. */
    public SipRequest request() {
        return request;
    }

    void releaseRequest() {
        request = null;
    }

    public Hop hop() {
        return hop;
    }

    /**
     * Destroys the transaction without a final response, as RFC 3261 §9.1 lets a client do 64*T1 after CANCELling
     * an INVITE that never answered. Nothing more is reported to the listener except termination.
     */
    public abstract void abandon();

    /** Starts the machine: sends the request and arms the timers. */
    abstract void start();

    /** A response matched this transaction. */
    abstract void receive(SipResponse response);

    /** The transport reported a failure to send the request (RFC 3261 §17.1.4). */
    abstract void transportFailed(Throwable cause);

    void send() {
        layer.sender().sendRequest(request, hop,
                cause -> layer.lanes().execute(callId, () -> {
                    if (!isTerminated()) {
                        transportFailed(cause);
                    }
                }));
    }

    void terminated() {
        layer.remove(this);
        listener.onTerminated(this);
    }
}
