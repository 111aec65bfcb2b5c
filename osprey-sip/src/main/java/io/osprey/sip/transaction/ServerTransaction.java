package io.osprey.sip.transaction;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.MessageSender;
import io.osprey.sip.transport.Source;

/** A server transaction: receives one request (and its retransmissions) and sends the TU's responses back. */
public abstract sealed class ServerTransaction extends Transaction
        permits InviteServerTransaction, NonInviteServerTransaction {

    /** Released with the final response: matching uses the key, not the request (keeps 64*T1 states small). */
    SipRequest request;
    final Source source;
    /** The response to resend on a retransmitted request, as a message; or null. */
    private SipResponse lastResponse;
    /** The final response to resend, kept as the transport chooses (its wire bytes over UDP); or null. */
    private MessageSender.KeptResponse keptFinal;
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

    /**
     * The most recent response this transaction may still retransmit, while it keeps it as a message: a
     * provisional response. Null otherwise, also when a final response is kept for retransmission in wire form.
     */
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

    /** Sends a response, and keeps it as the one to resend until the next one. */
    void send(SipResponse response) {
        markSent(response);
        lastResponse = response;
        keptFinal = null;
        layer.sender().sendResponse(response, source, this::sendFailed);
    }

    /**
     * Sends a final response that retransmitted requests will get again for up to 64*T1 (timers G/H and J), kept
     * in whatever form the transport needs to resend it, not as a message.
     */
    void sendKept(SipResponse finalResponse) {
        markSent(finalResponse);
        lastResponse = null;
        keptFinal = layer.sender().sendAndKeepResponse(finalResponse, source, this::sendFailed);
    }

    /** Nothing is to be resent any more (a 2xx is the TU's to retransmit, RFC 6026; a Confirmed state absorbs). */
    void forgetLast() {
        lastResponse = null;
        keptFinal = null;
    }

    private void markSent(SipResponse response) {
        if (response.statusCode() >= 200) {
            finalSent = true;
            request = null;
        }
    }

    void resendLast() {
        if (keptFinal != null) {
            keptFinal.resend(this::sendFailed);
        } else if (lastResponse != null) {
            layer.sender().sendResponse(lastResponse, source, this::sendFailed);
        }
    }

    private void sendFailed(Throwable cause) {
        layer.lanes().execute(callId, () -> {
            if (!isTerminated()) {
                transportFailed();
            }
        });
    }

    /** RFC 3261 §17.2.4: a response could not be sent; the transaction ends and the TU hears of it. */
    abstract void transportFailed();

    void terminated(boolean timedOut) {
        layer.remove(this);
        layer.user().onServerTransactionTerminated(this, timedOut);
    }
}
