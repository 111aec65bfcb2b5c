package io.osprey.sip.proxy;

import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;
import io.osprey.common.time.Scheduler;
import io.osprey.sip.transport.Hop;

/**
 * One forwarded copy of a request (RFC 3261 §16.6) and what has happened to it: its client transaction, whether a
 * provisional response arrived (a CANCEL may only be sent after one, §9.1), whether it finished.
 */
final class ProxyBranch implements ClientTransactionListener {

    private final ResponseContext context;
    final Hop hop;
    ClientTransaction transaction;
    boolean provisionalReceived;
    boolean completed;
    boolean cancelPending;
    boolean cancelSent;
    /** Timer C (§16.8) of an INVITE branch; restarted by each provisional, stopped by the final response. */
    Scheduler.Timer timerC;
    /** Runs from forwarding to the first response when the plan limits a branch's silence; see withNoResponse. */
    Scheduler.Timer noResponse;
    String cancelReason;

    ProxyBranch(ResponseContext context, Hop hop) {
        this.context = context;
        this.hop = hop;
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
        context.onBranchResponse(this, response);
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        context.onBranchFailure(this, 408, "Request Timeout", "no response from " + hop);
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
        context.onBranchFailure(this, 503, "Service Unavailable", "cannot reach " + hop + ": " + cause.getMessage());
    }
}
