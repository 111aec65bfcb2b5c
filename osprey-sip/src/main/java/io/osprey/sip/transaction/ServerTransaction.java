package io.osprey.sip.transaction;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Source;

/** A server transaction: receives one request (and its retransmissions) and sends the TU's responses back. */
public abstract sealed class ServerTransaction extends Transaction
        permits InviteServerTransaction, NonInviteServerTransaction {

    /** Released with the final response: matching uses the key, not the request (keeps 64*T1 states small). */
    SipRequest request;
    final Source source;
    SipResponse lastResponse;
    private boolean finalSent;

    ServerTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Source source) {
        super(layer, key, request.callId().value(), source.transport().reliable());
        this.request = request;
        this.source = source;
    }

    /** The request; null once the final response has been sent. */
    public SipRequest request() {
        return request;
    }

    /** Where the request came from; responses go back per RFC 3261 §18.2.2. */
    public Source source() {
        return source;
    }

    /** The most recent response this transaction may still retransmit, or null. */
    public SipResponse lastResponse() {
        return lastResponse;
    }

    /** Whether a final (2xx–6xx) response has been sent. */
    public boolean hasFinalResponse() {
        return finalSent;
    }

    /** Sends a response from the TU. Responses the state no longer allows are dropped (and false returned). */
    public abstract boolean respond(SipResponse response);

    /** A retransmission of the request (or, for INVITE, an ACK) matched this transaction. */
    abstract void receive(SipRequest request);

    void send(SipResponse response) {
        lastResponse = response;
        if (response.statusCode() >= 200) {
            finalSent = true;
            request = null;
        }
        resendLast();
    }

    void resendLast() {
        if (lastResponse == null) {
            return;
        }
        layer.sender().sendResponse(lastResponse, source,
                cause -> layer.lanes().execute(callId, () -> {
                    if (!isTerminated()) {
                        transportFailed();
                    }
                }));
    }

    /** RFC 3261 §17.2.4: a response could not be sent; the transaction ends and the TU hears of it. */
    abstract void transportFailed();

    void terminated(boolean timedOut) {
        layer.remove(this);
        layer.user().onServerTransactionTerminated(this, timedOut);
    }
}
