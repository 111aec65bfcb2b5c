package io.osprey.sip.transaction;

import static io.osprey.sip.transaction.NonInviteClientTransactionState.COMPLETED;
import static io.osprey.sip.transaction.NonInviteClientTransactionState.PROCEEDING;
import static io.osprey.sip.transaction.NonInviteClientTransactionState.TERMINATED;
import static io.osprey.sip.transaction.NonInviteClientTransactionState.TRYING;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Hop;
import java.time.Duration;

/**
 * The non-INVITE client transaction, RFC 3261 §17.1.2.
 *
 * <pre>
 *   request sent, timers E (unreliable) and F
 *        |
 *   +--------+  1xx: to TU   +------------+  1xx: to TU
 *   | Trying |-------------->| Proceeding |  timer E: resend at T2
 *   +--------+               +------------+
 *  timer E: resend, E = min(2E, T2)  | 200-699: to TU
 *  timer F or transport error: TU    v
 *        | 200-699: to TU     +-----------+  timer K (T4 unreliable, 0 reliable)
 *        +------------------->| Completed |-----------------> Terminated
 *                             +-----------+
 * </pre>
 */
public final class NonInviteClientTransaction extends ClientTransaction {

    private NonInviteClientTransactionState state = TRYING;
    private Scheduler.Timer timerE;
    private Scheduler.Timer timerF;
    private Scheduler.Timer timerK;
    private Duration intervalE;

    NonInviteClientTransaction(TransactionLayer layer, SipRequest request, Hop hop, ClientTransactionListener listener) {
        super(layer, request, hop, listener);
    }

    public NonInviteClientTransactionState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    @Override
    void start() {
        send();
        if (!reliable) {
            intervalE = layer.config().t1();
            timerE = startTimer(intervalE, this::onTimerE);
        }
        timerF = startTimer(layer.config().timeout(), this::onTimerF);
    }

    private void onTimerE() {
        if (state != TRYING && state != PROCEEDING) {
            return;
        }
        send();
        // In Trying the interval doubles up to T2; in Proceeding it stays at T2 (§17.1.2.2).
        intervalE = state == TRYING ? layer.config().doubledCapped(intervalE) : layer.config().t2();
        timerE = startTimer(intervalE, this::onTimerE);
    }

    private void onTimerF() {
        if (state == TRYING || state == PROCEEDING) {
            terminate();
            listener.onTimeout(this);
        }
    }

    @Override
    void receive(SipResponse response) {
        if (state != TRYING && state != PROCEEDING) {
            return; // Completed absorbs retransmitted finals
        }
        if (response.statusCode() < 200) {
            state = PROCEEDING;
            listener.onResponse(this, response);
            return;
        }
        timerE = cancel(timerE);
        timerF = cancel(timerF);
        state = COMPLETED;
        releaseRequest();
        listener.onResponse(this, response);
        if (reliable) {
            terminate();
        } else {
            timerK = startTimer(layer.config().t4(), this::terminate);
        }
    }

    @Override
    void transportFailed(Throwable cause) {
        boolean pending = state == TRYING || state == PROCEEDING;
        terminate();
        if (pending) {
            listener.onTransportError(this, cause);
        }
    }

    @Override
    public void abandon() {
        terminate();
    }

    private void terminate() {
        if (state == TERMINATED) {
            return;
        }
        state = TERMINATED;
        timerE = cancel(timerE);
        timerF = cancel(timerF);
        timerK = cancel(timerK);
        terminated();
    }
}
