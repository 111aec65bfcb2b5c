package io.osprey.common.lane;

import io.osprey.common.time.Scheduler;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The one-shot timers of one lane: a hashed wheel of {@value #SLOTS} slots ticking every {@link #TICK_NANOS}
 * nanoseconds, one turn (41 s) longer than SIP's 64*T1 timers, so that a tick mostly visits timers that are due. Only the thread holding the lane touches the wheel, so adding and cancelling are O(1) without a
 * shared queue or lock, and an expiry runs on its lane without a hand-off from a timer thread.
 *
 * <p>A timer fires on the first tick at or after its deadline, at most one tick late (10 ms: SIP's shortest timer,
 * T1, is 500 ms). A timer cancelled from a thread that does not hold the lane is marked and skipped when its slot
 * comes round.
 */
final class LaneTimers {

    /** Tick length: the granularity of lane timers. */
    static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    static final int SLOTS = 4096;

    private final ReentrantLock lock;
    private final Node[] heads = new Node[SLOTS];
    private final Node[] tails = new Node[SLOTS];
    private final long origin;
    private final ArrayList<Node> due = new ArrayList<>();
    /** Every tick up to this one has been run. */
    private long processedTick;
    private volatile int count;

    LaneTimers(ReentrantLock lock, long nowNanos) {
        this.lock = lock;
        this.origin = nowNanos;
    }

    /** Number of timers waiting (including ones cancelled from other threads and not yet swept). */
    int size() {
        return count;
    }

    /** Adds a timer; the caller holds the lane. */
    Node add(long nowNanos, long delayNanos, Runnable task) {
        long tick = Math.max(Math.ceilDiv(nowNanos - origin + Math.max(0, delayNanos), TICK_NANOS), processedTick + 1);
        Node node = new Node(this, tick, task);
        int slot = (int) (tick & (SLOTS - 1));
        Node tail = tails[slot]; // appended: timers due on one tick fire in the order they were started
        node.prev = tail;
        if (tail != null) {
            tail.next = node;
        } else {
            heads[slot] = node;
        }
        tails[slot] = node;
        count++;
        return node;
    }

    private void unlink(Node node) {
        int slot = (int) (node.tick & (SLOTS - 1));
        if (node.prev != null) {
            node.prev.next = node.next;
        } else {
            heads[slot] = node.next;
        }
        if (node.next != null) {
            node.next.prev = node.prev;
        } else {
            tails[slot] = node.prev;
        }
        node.prev = null;
        node.next = null;
        node.linked = false;
        count--;
    }

    /** Runs, through {@code runner}, every timer due by {@code nowNanos}; the caller holds the lane. */
    void runDue(long nowNanos, Consumer<Runnable> runner) {
        long now = (nowNanos - origin) / TICK_NANOS;
        if (now <= processedTick || count == 0) {
            processedTick = Math.max(processedTick, now);
            return;
        }
        long from = Math.max(processedTick + 1, now - SLOTS + 1); // a late lane visits each slot once
        processedTick = now;
        for (long t = from; t <= now; t++) {
            for (Node node = heads[(int) (t & (SLOTS - 1))]; node != null; node = node.next) {
                if (node.tick <= now) {
                    due.add(node);
                }
            }
        }
        for (int i = 0; i < due.size(); i++) {
            unlink(due.get(i));
        }
        // Run only after detaching: an expiry may add or cancel timers of the same slot.
        for (int i = 0; i < due.size(); i++) {
            Node node = due.get(i);
            Runnable task = node.task;
            node.task = null;
            if (Node.STATE.compareAndSet(node, Node.PENDING, Node.FIRED)) {
                runner.accept(task);
            }
        }
        due.clear();
    }

    /** One timer. Its state moves once, from pending to fired or cancelled. */
    static final class Node implements Scheduler.Timer {
        static final int PENDING = 0;
        static final int FIRED = 1;
        static final int CANCELLED = 2;
        static final AtomicIntegerFieldUpdater<Node> STATE = AtomicIntegerFieldUpdater.newUpdater(Node.class, "state");

        private final LaneTimers wheel;
        final long tick;
        Runnable task;
        Node prev;
        Node next;
        boolean linked = true;
        volatile int state;

        Node(LaneTimers wheel, long tick, Runnable task) {
            this.wheel = wheel;
            this.tick = tick;
            this.task = task;
        }

        @Override
        public boolean cancel() {
            if (!STATE.compareAndSet(this, PENDING, CANCELLED)) {
                return false;
            }
            if (wheel.lock.isHeldByCurrentThread()) {
                task = null;
                if (linked) {
                    wheel.unlink(this);
                }
            }
            return true;
        }
    }
}
