package io.osprey.sip.transaction;

import static io.osprey.sip.transaction.InviteClientTransactionState.ACCEPTED;
import static io.osprey.sip.transaction.InviteClientTransactionState.CALLING;
import static io.osprey.sip.transaction.InviteClientTransactionState.COMPLETED;
import static io.osprey.sip.transaction.InviteClientTransactionState.PROCEEDING;
import static io.osprey.sip.transaction.InviteClientTransactionState.TERMINATED;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Hop;
import java.time.Duration;

/**
 * The INVITE client transaction, RFC 3261 §17.1.1 with RFC 6026 §8.4.
 *
 * <pre>
 *                 INVITE sent, timers A (unreliable) and B
 *                           |
 *   timer A: resend   +-----------+  1xx          +------------+  1xx: to TU
 *   timer B: timeout  |  Calling  |-------------->| Proceeding |
 *                     +-----------+               +------------+
 *          300-699: ACK, to TU |   2xx: to TU        | 300-699: ACK   | 2xx: to TU
 *                     v        +---------------+     v                v
 *               +-----------+  <----------------- +----------+   +----------+ 2xx: to TU
 *   300-699:ACK | Completed |                      | Accepted |<--+          |
 *               +-----------+ timer D             +----------+ timer M
 *                     v                                 v
 *                            Terminated
 * </pre>
 */
public final class InviteClientTransaction extends ClientTransaction {

    private InviteClientTransactionState state = CALLING;
    private Scheduler.Timer timerA;
    private Scheduler.Timer timerB;
    private Scheduler.Timer endTimer;
    private Duration intervalA;
    private SipRequest ack;

    InviteClientTransaction(TransactionLayer layer, SipRequest request, Hop hop, ClientTransactionListener listener) {
        super(layer, request, hop, listener);
    }

    public InviteClientTransactionState state() {
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
            intervalA = layer.config().t1();
            timerA = startTimer(intervalA, this::onTimerA);
        }
        timerB = startTimer(layer.config().timeout(), this::onTimerB);
    }

    private void onTimerA() {
        if (state != CALLING) {
            return;
        }
        send();
        intervalA = intervalA.multipliedBy(2); // timer A doubles without the T2 cap (§17.1.1.2)
        timerA = startTimer(intervalA, this::onTimerA);
    }

    private void onTimerB() {
        // Only Calling times out (§17.1.1.2): after a provisional the UAS is alive, and the TU (a proxy's timer C,
        // a UAC's CANCEL) decides how long to wait for the final response.
        if (state == CALLING) {
            terminate();
            listener.onTimeout(this);
        }
    }

    @Override
    void receive(SipResponse response) {
        int code = response.statusCode();
        switch (state) {
            case CALLING, PROCEEDING -> {
                timerA = cancel(timerA);
                if (code < 200) {
                    state = PROCEEDING;
                    listener.onResponse(this, response);
                } else if (code < 300) {
                    timerB = cancel(timerB);
                    state = ACCEPTED;
                    releaseRequest();
                    endTimer = startTimer(layer.config().timeout(), this::terminate); // timer M
                    listener.onResponse(this, response);
                } else {
                    timerB = cancel(timerB);
                    state = COMPLETED;
                    ack = TransactionMessages.ackForNon2xx(request, response);
                    releaseRequest();
                    sendAck();
                    listener.onResponse(this, response);
                    Duration timerD = reliable ? Duration.ZERO : TransactionConfig.TIMER_D_UNRELIABLE;
                    if (timerD.isZero()) {
                        terminate();
                    } else {
                        endTimer = startTimer(timerD, this::terminate);
                    }
                }
            }
            case COMPLETED -> {
                if (code >= 300) {
                    sendAck(); // the final response was retransmitted: our ACK was lost
                }
            }
            case ACCEPTED -> {
                if (code >= 200 && code < 300) {
                    listener.onResponse(this, response);
                }
            }
            case TERMINATED -> { }
        }
    }

    private void sendAck() {
        layer.sender().sendRequest(ack, hop, cause -> { });
    }

    @Override
    void transportFailed(Throwable cause) {
        if (state == CALLING || state == PROCEEDING) {
            terminate();
            listener.onTransportError(this, cause);
        } else {
            terminate();
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
        timerA = cancel(timerA);
        timerB = cancel(timerB);
        endTimer = cancel(endTimer);
        terminated();
    }
}
