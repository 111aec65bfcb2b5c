package io.osprey.sip.stack;

import io.osprey.sip.auth.ChallengeAnswers;
import io.osprey.sip.message.SipRequest;
import java.time.Duration;

/**
 * How long messages wait between leaving the socket and their lane starting on them: the overload signal that
 * counts in time, as SIP's retransmission timers do. A request that waits past T1 (500 ms) is sent again by its
 * client before this element has even looked at it, which adds load exactly when there is too much. So new
 * requests are refused with 503 once waits pass a limit well below T1 (RFC 3261 §21.5.4), long before a lane's
 * queue is full: 12,000 queued tasks of 30 µs each are already 360 ms of waiting.
 *
 * <p>The signal stays on for twice the limit after the last message that waited too long was taken up. While the
 * overload lasts such messages keep coming and the signal stays on; once the queues have drained it goes off, and
 * one long pause (a GC, a slow disk) refuses new work only briefly. The lane fill ratio still guards a lane that
 * takes up nothing at all. Lane and I/O threads share volatile fields written only when a wait was too long, so an
 * element that is keeping up pays a subtraction per message.
 *
 * <p>Stacks in one process share the CPU, and so one signal ({@link #shared}). There the stack that takes requests
 * from UEs ({@link Shared#entry()}: a P-CSCF's) refuses those when any stack's messages wait, and no stack refuses
 * for delay a request that has come through another SIP element (more than one Via): a terminating INVITE that
 * the P-CSCF or an S-CSCF refused had already cost every hop before it its work, and the 503 would reach the
 * caller as a 500 (RFC 3261 §16.7 step 6). The stacks behind the entry ({@link Shared#core()}) refuse for delay
 * only while there is no entry stack.
 *
 * <p>A REGISTER that answers a challenge is never refused for delay: its first step was admitted when nothing
 * waited, so these are bounded by earlier admissions, and refusing one would waste the MAR already spent on it.
 */
public final class QueueDelay {

    private final Shared signal;
    private final boolean entry;

    private QueueDelay(Shared signal, boolean entry) {
        this.signal = signal;
        this.entry = entry;
        if (entry) {
            signal.entryStacks = true;
        }
    }

    /** A stack's own signal: it refuses on it. A zero limit turns it off. */
    public static QueueDelay of(Duration limit) {
        return new QueueDelay(new Shared(limit), false);
    }

    /** One signal for the stacks of a process, each taking its view of it by its place. */
    public static Shared shared(Duration limit) {
        return new Shared(limit);
    }

    /** The wait past which new requests are refused; zero when off. */
    public Duration limit() {
        return signal.limit;
    }

    /** A message that was read at {@code receivedNanos} is taken up now. */
    void record(long receivedNanos, long nowNanos) {
        Shared s = signal;
        if (s.limitNanos > 0 && nowNanos - receivedNanos > s.limitNanos) {
            s.lastExcessNanos = nowNanos;
            s.everExceeded = true;
        }
    }

    /**
     * Whether this stack should refuse the new request {@code request} now: a message of a stack sharing the
     * signal waited longer than the limit within twice the limit before now, and this stack is where the request
     * enters, or the stack stands alone.
     */
    boolean refuses(SipRequest request, long nowNanos) {
        Shared s = signal;
        if (!s.everExceeded || nowNanos - s.lastExcessNanos >= 2 * s.limitNanos) {
            return false;
        }
        if (ChallengeAnswers.answersChallenge(request)) {
            return false; // its first step got through when nothing waited: finish it (decision 0011)
        }
        return entry ? request.vias().size() <= 1 : !s.entryStacks;
    }

    /** The state shared by the views of one process's stacks. */
    public static final class Shared {
        private final Duration limit;
        private final long limitNanos;
        /** When a message that had waited longer than the limit was last taken up. */
        private volatile long lastExcessNanos;
        private volatile boolean everExceeded;
        private volatile boolean entryStacks;

        private Shared(Duration limit) {
            if (limit.isNegative()) {
                throw new IllegalArgumentException("queueing-delay limit is negative: " + limit);
            }
            this.limit = limit;
            this.limitNanos = limit.toNanos();
        }

        /** The view of a stack that takes requests from outside the process, and refuses them for any delay. */
        public QueueDelay entry() {
            return new QueueDelay(this, true);
        }

        /** The view of a stack behind an entry stack: it records, and refuses only when no entry stack exists. */
        public QueueDelay core() {
            return new QueueDelay(this, false);
        }
    }
}
