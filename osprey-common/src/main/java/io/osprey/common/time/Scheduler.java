package io.osprey.common.time;

import java.time.Duration;

/**
 * A source of time and one-shot timers. Protocol state machines take a {@code Scheduler} instead of calling
 * {@code System.nanoTime()} or a {@code ScheduledExecutorService} directly, so tests can drive every timer
 * (RFC 3261 §17 timers A–M, Diameter watchdogs) on a {@link VirtualScheduler} without sleeping.
 */
public interface Scheduler {

    /** Monotonic time in nanoseconds; only differences are meaningful. */
    long nanoTime();

    /** Runs {@code task} once after {@code delay}. The task runs on the scheduler's thread; hand it to a lane. */
    Timer schedule(Duration delay, Runnable task);

    /** A pending one-shot timer. */
    interface Timer {
        /** Cancels the timer; harmless when it already fired or was cancelled. Returns true if this call cancelled it. */
        boolean cancel();
    }
}
