package io.osprey.bench.hss;

import io.osprey.hss.model.Impi;
import io.osprey.hss.store.AuthenticationCentre;
import io.osprey.hss.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Authentication vector load on the AuC (TS 33.102 §6.3.2): {@code threads} platform threads each ask
 * {@link AuthenticationCentre#nextVector} for a uniformly random subscriber until the time is up, as a Cx MAR
 * per registration would. Every vector reserves an SQN in its own database transaction.
 */
final class VectorLoad {

    static final int MAX_THREADS = 256;

    private final AuthenticationCentre auc;
    private final Impi[] subscribers;

    VectorLoad(AuthenticationCentre auc, Impi[] subscribers) {
        if (subscribers.length == 0) {
            throw new IllegalArgumentException("vector load needs at least one subscriber");
        }
        this.auc = auc;
        this.subscribers = subscribers.clone();
    }

    /** Runs the load and returns the vectors made and the requests the store refused. */
    Outcome run(int threads, Duration duration) throws InterruptedException {
        if (threads < 1 || threads > MAX_THREADS) {
            throw new IllegalArgumentException("threads must be 1 to " + MAX_THREADS + ", was " + threads);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        LongAdder vectors = new LongAdder();
        LongAdder failures = new LongAdder();
        List<String> firstFailure = new ArrayList<>(1);
        List<Thread> workers = new ArrayList<>(threads);
        for (int i = 0; i < threads; i++) {
            workers.add(Thread.ofPlatform().name("vector-load-" + i).start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (running.get()) {
                    try {
                        auc.nextVector(subscribers[random.nextInt(subscribers.length)]);
                        vectors.increment();
                    } catch (StoreException e) {
                        failures.increment();
                        synchronized (firstFailure) {
                            if (firstFailure.isEmpty()) {
                                firstFailure.add(e.getMessage());
                            }
                        }
                    }
                }
            }));
        }
        Thread.sleep(duration);
        running.set(false);
        for (Thread worker : workers) {
            worker.join();
        }
        return new Outcome(vectors.sum(), failures.sum(), firstFailure.isEmpty() ? "" : firstFailure.getFirst());
    }

    /** What a run produced; {@code firstFailure} is empty when nothing failed. */
    record Outcome(long vectors, long failures, String firstFailure) {
    }
}
