package io.osprey.sip.transaction;

import static io.osprey.sip.transaction.InviteServerTransactionState.ACCEPTED;
import static io.osprey.sip.transaction.InviteServerTransactionState.COMPLETED;
import static io.osprey.sip.transaction.InviteServerTransactionState.CONFIRMED;
import static io.osprey.sip.transaction.InviteServerTransactionState.PROCEEDING;
import static io.osprey.sip.transaction.InviteServerTransactionState.TERMINATED;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.Source;
import java.time.Duration;

/**
 * The INVITE server transaction, RFC 3261 §17.2.1 with RFC 6026 §7.1.
 *
 * <pre>
 *   INVITE: send 100 Trying
 *        |
 *   +------------+  INVITE: resend last provisional; 1xx from TU: send
 *   | Proceeding |
 *   +------------+
 *     | 300-699 from TU: send            | 2xx from TU: send
 *     v                                  v
 *   +-----------+ INVITE: resend final  +----------+ INVITE: absorb; 2xx from TU: send
 *   | Completed | timer G: resend final | Accepted | ACK: to TU
 *   +-----------+ timer H: TU, end      +----------+ timer L: end
 *     | ACK
 *     v
 *   +-----------+ ACK: absorb
 *   | Confirmed | timer I (T4 unreliable, 0 reliable): end
 *   +-----------+
 * </pre>
 */
public final class InviteServerTransaction extends ServerTransaction {

    private InviteServerTransactionState state = PROCEEDING;
    private Scheduler.Timer timerG;
    private Scheduler.Timer timerH;
    private Scheduler.Timer endTimer;
    private Duration intervalG;

    InviteServerTransaction(TransactionLayer layer, TransactionKey key, SipRequest request, Source source) {
        super(layer, key, request, source);
    }

    public InviteServerTransactionState state() {
        return state;
    }

    @Override
    public boolean isTerminated() {
        return state == TERMINATED;
    }

    /** Sends 100 Trying at once: the TU of a proxy cannot promise a response within 200 ms (§17.2.1, §16.2). */
    void start() {
        send(TransactionMessages.trying(request));
    }

    @Override
    public boolean respond(SipResponse response) {
        int code = response.statusCode();
        switch (state) {
            case PROCEEDING -> {
                if (code >= 300 && !reliable) {
                    sendKept(response); // resent by timer G and to retransmitted INVITEs until the ACK
                } else {
                    send(response);
                }
                if (code >= 300) {
                    state = COMPLETED;
                    if (!reliable) {
                        intervalG = layer.config().t1();
                        timerG = startTimer(intervalG, this::onTimerG);
                    }
                    timerH = startTimer(layer.config().timeout(), this::onTimerH);
                } else if (code >= 200) {
                    state = ACCEPTED;
                    forgetLast(); // RFC 6026: the TU, not this transaction, retransmits a 2xx
                    endTimer = startTimer(layer.config().timeout(), () -> terminate(false)); // timer L
                }
                return true;
            }
            case ACCEPTED -> {
                if (code >= 200 && code < 300) {
                    send(response); // the UAS core retransmits its 2xx (§13.3.1.4) or another fork's 2xx passes
                    forgetLast();
                    return true;
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    @Override
    void receive(SipRequest retransmission) {
        boolean ack = "ACK".equals(retransmission.method());
        switch (state) {
            case PROCEEDING -> {
                if (!ack) {
                    resendLast();
                }
            }
            case COMPLETED -> {
                if (ack) {
                    timerG = cancel(timerG);
                    timerH = cancel(timerH);
                    state = CONFIRMED;
                    forgetLast(); // Confirmed only absorbs ACKs
                    if (reliable) {
                        terminate(false);
                    } else {
                        endTimer = startTimer(layer.config().t4(), () -> terminate(false)); // timer I
                    }
                } else {
                    resendLast();
                }
            }
            case ACCEPTED -> {
                if (ack) {
                    layer.user().onAck(new InboundMessage(retransmission, source, layer.scheduler().nanoTime()));
                }
            }
            case CONFIRMED, TERMINATED -> { }
        }
    }

    private void onTimerG() {
        if (state != COMPLETED) {
            return;
        }
        resendLast();
        intervalG = layer.config().doubledCapped(intervalG);
        timerG = startTimer(intervalG, this::onTimerG);
    }

    private void onTimerH() {
        if (state == COMPLETED) {
            terminate(true); // the ACK never came
        }
    }

    @Override
    void transportFailed() {
        terminate(false);
    }

    private void terminate(boolean timedOut) {
        if (state == TERMINATED) {
            return;
        }
        state = TERMINATED;
        timerG = cancel(timerG);
        timerH = cancel(timerH);
        endTimer = cancel(endTimer);
        terminated(timedOut);
    }
}
