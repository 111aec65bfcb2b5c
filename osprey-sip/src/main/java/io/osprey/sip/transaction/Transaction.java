package io.osprey.sip.transaction;

import io.osprey.common.time.Scheduler;
import java.time.Duration;

/**
 * What all four RFC 3261 §17 machines share: their key, the Call-ID lane they run on, and timers whose expiry is
 * posted back to that lane. Subclasses hold their own state enum; nothing here locks, because only the lane thread
 * touches a transaction.
 */
public abstract sealed class Transaction permits ClientTransaction, ServerTransaction {

    final TransactionLayer layer;
    final TransactionKey key;
    final String callId;
    final boolean reliable;

    Transaction(TransactionLayer layer, TransactionKey key, String callId, boolean reliable) {
        this.layer = layer;
        this.key = key;
        this.callId = callId;
        this.reliable = reliable;
    }

    public TransactionKey key() {
        return key;
    }

    public String callId() {
        return callId;
    }

    /** Whether the transport is reliable (no retransmissions, zero wait timers). */
    public boolean reliable() {
        return reliable;
    }

    public abstract boolean isTerminated();

    /** Schedules {@code onExpiry} to run on this transaction's lane after {@code delay}; null when delay is zero. */
    Scheduler.Timer startTimer(Duration delay, Runnable onExpiry) {
        return layer.scheduler().schedule(delay, () -> {
            Runnable expire = () -> {
                if (!isTerminated()) {
                    onExpiry.run();
                }
            };
            if (layer.lanes().isCurrent(callId)) {
                expire.run(); // the scheduler fires timers on the lane that started them
            } else {
                layer.lanes().execute(callId, expire);
            }
        });
    }

    /** Cancels {@code timer} if there is one; returns null, to clear the field that held it. */
    static Scheduler.Timer cancel(Scheduler.Timer timer) {
        if (timer != null) {
            timer.cancel();
        }
        return null;
    }
}
