package io.osprey.common.lane;

import io.osprey.common.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of serial executors ("lanes"). Work for one key (a Call-ID, a Diameter Session-Id) always runs
 * on the same lane, in submission order and never two tasks at once, so the state machines of that key need no
 * locks.
 *
 * <p>Each lane has a thread and a bounded queue. {@link #offer} refuses work when the lane is full instead of
 * blocking the caller (a Netty event loop), so the caller can answer 503 and shed load instead of collapsing.
 * A caller with time to spare may instead {@link #runIfIdle run a task in place} when the lane has nothing queued
 * or running: that saves the two thread wake-ups of a hand-off, which on a lightly loaded host cost more than the
 * work itself. Whichever thread runs a task holds the lane's lock meanwhile, which orders it after every earlier
 * task of the lane (happens-before), as a hand-off through the queue would.
 *
 * <p>Each lane also owns its timers ({@link #scheduler}): timers started by a task on a lane fire on that lane,
 * with no timer thread in between.
 */
public final class Lanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);
    /** The lane whose lock the current thread holds while it runs a lane task; null elsewhere. */
    private static final ThreadLocal<Lane> CURRENT = new ThreadLocal<>();
    private static final Runnable WAKE_UP = () -> { };

    private final Lane[] lanes;

    /**
     * @param name          thread name prefix
     * @param count         number of lanes (threads)
     * @param queueCapacity tasks each lane may hold before {@link #offer} refuses
     */
    public Lanes(String name, int count, int queueCapacity) {
        if (count < 1) {
            throw new IllegalArgumentException("lane count must be at least 1, was " + count);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("lane queue capacity must be at least 1, was " + queueCapacity);
        }
        lanes = new Lane[count];
        for (int i = 0; i < count; i++) {
            lanes[i] = new Lane(this, name + "-" + i, queueCapacity);
        }
        for (Lane lane : lanes) {
            lane.thread.start();
        }
    }

    /** The lane index for a key hash. */
    public int laneOf(int keyHash) {
        return Math.floorMod(keyHash ^ (keyHash >>> 16), lanes.length);
    }

    /** Queues {@code task} on the lane of {@code keyHash}; false when that lane's queue is full. */
    public boolean offer(int keyHash, Runnable task) {
        return lanes[laneOf(keyHash)].offer(task);
    }

    /**
     * Queues {@code task} even past capacity by waiting up to a short bound. For work that must not be lost
     * (timer expiries, responses to requests already accepted); returns false only if the lane is wedged.
     */
    public boolean put(int keyHash, Runnable task) {
        Lane lane = lanes[laneOf(keyHash)];
        lane.pending.incrementAndGet();
        try {
            if (lane.queue.offer(task, 1, TimeUnit.SECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        lane.pending.decrementAndGet();
        return false;
    }

    /**
     * Runs {@code task} now on the calling thread if the lane of {@code keyHash} has no task queued or running;
     * returns false, having done nothing, otherwise (the caller then queues it with {@link #offer}). Never waits.
     * A task that throws is logged, as on the lane's own thread.
     */
    public boolean runIfIdle(int keyHash, Runnable task) {
        if (CURRENT.get() != null) {
            return false; // already running a lane's task: no nesting
        }
        Lane lane = lanes[laneOf(keyHash)];
        if (lane.pending.get() != 0 || !lane.lock.tryLock()) {
            return false;
        }
        try {
            if (lane.pending.get() != 0) {
                return false;
            }
            CURRENT.set(lane);
            try {
                lane.runSafely(task);
            } finally {
                CURRENT.set(null);
            }
            lane.completed.incrementAndGet();
            return true;
        } finally {
            lane.lock.unlock();
        }
    }

    /** Whether the calling thread is running a task of the lane {@code keyHash} maps to. */
    public boolean inLane(int keyHash) {
        return CURRENT.get() == lanes[laneOf(keyHash)];
    }

    /**
     * A scheduler whose timers, when started by a task running on one of these lanes, belong to that lane and
     * fire on it (within {@code 10 ms} of their deadline); timers started anywhere else go to {@code elsewhere}.
     * Cancel a lane's timer from the lane, where it is O(1); from another thread it is only marked.
     */
    public Scheduler scheduler(Scheduler elsewhere) {
        return new Scheduler() {
            @Override
            public long nanoTime() {
                return elsewhere.nanoTime();
            }

            @Override
            public Timer schedule(Duration delay, Runnable task) {
                Lane lane = CURRENT.get();
                if (lane == null || lane.owner != Lanes.this) {
                    return elsewhere.schedule(delay, task);
                }
                return lane.addTimer(delay.toNanos(), task);
            }
        };
    }

    /** Fill ratio of the fullest lane, 0.0–1.0: the overload signal. */
    public double maxLoad() {
        double max = 0;
        for (Lane lane : lanes) {
            max = Math.max(max, (double) lane.queue.size() / lane.capacity);
        }
        return max;
    }

    /** Tasks run so far, over all lanes, wherever they ran. */
    public long completedTasks() {
        long total = 0;
        for (Lane lane : lanes) {
            total += lane.completed.get();
        }
        return total;
    }

    /** Timers waiting on all lanes. */
    public int pendingTimers() {
        int total = 0;
        for (Lane lane : lanes) {
            total += lane.timers.size();
        }
        return total;
    }

    public int size() {
        return lanes.length;
    }

    @Override
    public void close() {
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static final class Lane implements Runnable {
        final Lanes owner;
        final BlockingQueue<Runnable> queue;
        final int capacity;
        final Thread thread;
        final AtomicLong completed = new AtomicLong();
        /** Tasks queued or running; a task may run in place only when this is zero. */
        final AtomicInteger pending = new AtomicInteger();
        /** Held by whichever thread runs a task or the timers of this lane. */
        final ReentrantLock lock = new ReentrantLock();
        final LaneTimers timers;
        private final Consumer<Runnable> runner = this::runSafely;

        Lane(Lanes owner, String name, int capacity) {
            this.owner = owner;
            this.capacity = capacity;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.timers = new LaneTimers(lock, System.nanoTime());
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        boolean offer(Runnable task) {
            pending.incrementAndGet();
            if (queue.offer(task)) {
                return true;
            }
            pending.decrementAndGet();
            return false;
        }

        /** On the thread holding this lane. */
        Scheduler.Timer addTimer(long delayNanos, Runnable task) {
            boolean wasEmpty = timers.size() == 0;
            Scheduler.Timer timer = timers.add(System.nanoTime(), delayNanos, task);
            if (wasEmpty && Thread.currentThread() != thread) {
                // The lane's thread may be waiting without a timeout (no timers until now): wake it to tick.
                pending.incrementAndGet();
                if (!queue.offer(WAKE_UP)) {
                    pending.decrementAndGet(); // a full queue wakes it anyway
                }
            }
            return timer;
        }

        @Override
        public void run() {
            CURRENT.set(this); // only read by tasks, which run with the lock held
            while (!Thread.currentThread().isInterrupted()) {
                Runnable task;
                try {
                    task = timers.size() == 0 ? queue.take() : queue.poll(LaneTimers.TICK_NANOS, TimeUnit.NANOSECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                lock.lock();
                try {
                    if (task != null) {
                        if (task != WAKE_UP) {
                            runSafely(task);
                            completed.incrementAndGet();
                        }
                        pending.decrementAndGet();
                    }
                    timers.runDue(System.nanoTime(), runner);
                } finally {
                    lock.unlock();
                }
            }
        }

        void runSafely(Runnable task) {
            try {
                task.run();
            } catch (RuntimeException | AssertionError e) {
                // One faulty message must not take the lane (and every call on it) down.
                log.error("task failed on lane {}", thread.getName(), e);
            }
        }
    }
}
