package io.osprey.common.time;

import java.time.Duration;
import java.util.PriorityQueue;

/**
 * A {@link Scheduler} whose clock moves only when a test calls {@link #advance(Duration)}. Timers fire in
 * deadline order (ties in scheduling order) on the calling thread, so timer-driven state machines can be
 * tested deterministically.
 */
public final class VirtualScheduler implements Scheduler {

    private final PriorityQueue<VirtualTimer> pending = new PriorityQueue<>();
    private long now;
    private long sequence;

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        VirtualTimer timer = new VirtualTimer(now + Math.max(0, delay.toNanos()), sequence++, task);
        pending.add(timer);
        return timer;
    }

    /** Moves the clock forward, firing every timer whose deadline is reached (including ones those timers schedule). */
    public void advance(Duration duration) {
        long target = now + duration.toNanos();
        VirtualTimer next;
        while ((next = pending.peek()) != null && next.deadline <= target) {
            pending.poll();
            now = next.deadline;
            if (!next.cancelled) {
                next.fired = true;
                next.task.run();
            }
        }
        now = target;
    }

    /** Number of timers that are scheduled and not cancelled. */
    public int pendingTimers() {
        int count = 0;
        for (VirtualTimer timer : pending) {
            if (!timer.cancelled) {
                count++;
            }
        }
        return count;
    }

    private static final class VirtualTimer implements Timer, Comparable<VirtualTimer> {
        final long deadline;
        final long order;
        final Runnable task;
        boolean cancelled;
        boolean fired;

        VirtualTimer(long deadline, long order, Runnable task) {
            this.deadline = deadline;
            this.order = order;
            this.task = task;
        }

        @Override
        public boolean cancel() {
            if (cancelled || fired) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public int compareTo(VirtualTimer other) {
            int byDeadline = Long.compare(deadline, other.deadline);
            return byDeadline != 0 ? byDeadline : Long.compare(order, other.order);
        }
    }
}
