package io.osprey.common.lane;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed set of serial executors ("lanes"). Work for one key (a Call-ID, a Diameter Session-Id) always runs
 * on the same lane, in submission order, so the state machines of that key need no locks.
 *
 * <p>Each lane has a bounded queue. {@link #offer} refuses work when the lane is full instead of blocking the
 * caller (a Netty event loop), so the caller can answer 503 and shed load instead of collapsing.
 */
public final class Lanes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Lanes.class);

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
            lanes[i] = new Lane(name + "-" + i, queueCapacity);
        }
    }

    /** The lane index for a key hash. */
    public int laneOf(int keyHash) {
        return Math.floorMod(keyHash ^ (keyHash >>> 16), lanes.length);
    }

    /** Queues {@code task} on the lane of {@code keyHash}; false when that lane's queue is full. */
    public boolean offer(int keyHash, Runnable task) {
        return lanes[laneOf(keyHash)].queue.offer(task);
    }

    /**
     * Queues {@code task} even past capacity by waiting up to a short bound. For work that must not be lost
     * (timer expiries, responses to requests already accepted); returns false only if the lane is wedged.
     */
    public boolean put(int keyHash, Runnable task) {
        try {
            return lanes[laneOf(keyHash)].queue.offer(task, 1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the calling thread is the thread of lane {@code keyHash} maps to. */
    public boolean inLane(int keyHash) {
        return Thread.currentThread() == lanes[laneOf(keyHash)].thread;
    }

    /** Fill ratio of the fullest lane, 0.0–1.0: the overload signal. */
    public double maxLoad() {
        double max = 0;
        for (Lane lane : lanes) {
            max = Math.max(max, (double) lane.queue.size() / lane.capacity);
        }
        return max;
    }

    /** Tasks run so far, over all lanes. */
    public long completedTasks() {
        long total = 0;
        for (Lane lane : lanes) {
            total += lane.completed.get();
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
        final BlockingQueue<Runnable> queue;
        final int capacity;
        final Thread thread;
        final AtomicLong completed = new AtomicLong();

        Lane(String name, int capacity) {
            this.capacity = capacity;
            this.queue = new ArrayBlockingQueue<>(capacity);
            this.thread = new Thread(this, name);
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            while (!Thread.currentThread().isInterrupted()) {
                Runnable task;
                try {
                    task = queue.take();
                } catch (InterruptedException e) {
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException | AssertionError e) {
                    // One faulty message must not take the lane (and every call on it) down.
                    log.error("task failed on lane {}", thread.getName(), e);
                }
                completed.incrementAndGet();
            }
        }
    }
}
