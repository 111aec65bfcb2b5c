package io.osprey.sip.transaction;

import static io.osprey.sip.transaction.NonInviteServerTransactionState.COMPLETED;
import static io.osprey.sip.transaction.NonInviteServerTransactionState.PROCEEDING;
import static io.osprey.sip.transaction.NonInviteServerTransactionState.TERMINATED;
import static io.osprey.sip.transaction.NonInviteServerTransactionState.TRYING;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Source;

/**
 * The non-INVITE server transaction, RFC 3261 §17.2.2.
 *
 * <pre>
 *   request received
 *        |
 *   +--------+ retransmission: absorb     +------------+ retransmission: resend provisional
 *   | Trying |--- 1xx from TU: send ----->| Proceeding |
 *   +--------+                            +------------+
 *        | 200-699 from TU: send                | 200-699 from TU: send
 *        v                                      v
 *   +-----------+ retransmission: resend final; timer J (64*T1 unreliable, 0 reliable): end
 *   | Completed |
 *   +-----------+
 * </pre>
 */
public final class NonInviteServerTransaction extends ServerTransaction {

    private NonInviteServerTransactionState state = TRYING;
    private Scheduler.Timer timerJ;

    NonInviteServerTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Source source) {
        super(layer, key, request, source);
    }

    public NonInviteServerTransactionState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    @Override
    public boolean respond(SipResponse response) {
        if (state != TRYING && state != PROCEEDING) {
            return false;
        }
        if (response.statusCode() < 200 || reliable) {
            send(response);
        } else {
            sendKept(response); // resent to every retransmission until timer J
        }
        if (response.statusCode() < 200) {
            state = PROCEEDING;
        } else {
            state = COMPLETED;
            if (reliable) {
                terminate();
            } else {
                timerJ = startTimer(layer.config().timeout(), this::terminate);
            }
        }
        return true;
    }

    @Override
    void receive(SipRequest retransmission) {
        if (state == PROCEEDING || state == COMPLETED) {
            resendLast();
        }
    }

    @Override
    void transportFailed() {
        terminate();
    }

    private void terminate() {
        if (state == TERMINATED) {
            return;
        }
        state = TERMINATED;
        timerJ = cancel(timerJ);
        terminated(false);
    }
}
