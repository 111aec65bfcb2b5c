package io.osprey.diameter.node;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeoutException;

/**
 * The answers local request handlers still owe, each failed with a {@link TimeoutException} once the request
 * timeout has passed. Every answer gets the same timeout, so deadlines come in the order answers are watched, and a
 * queue checked by one periodic task ({@link #expire}) does what a timer per request did: the
 * {@code CompletableFuture.orTimeout} timer each request had cost a scheduled task, a wake-up of the JDK's delay
 * thread and a cancellation on completion, a visible share of the HSS's CPU at thousands of Cx requests a second.
 * Answers that complete in time leave the queue when they reach its head.
 */
final class HandlerDeadlines {

    private final long timeoutNanos;
    private final Queue<Watched> watched = new ConcurrentLinkedQueue<>();

    HandlerDeadlines(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    /** Fails {@code answer} with a timeout if it is not complete {@code timeout} after {@code nowNanos}. */
    void watch(CompletableFuture<?> answer, long nowNanos) {
        if (!answer.isDone()) {
            watched.add(new Watched(nowNanos + timeoutNanos, answer));
        }
    }

    /** Drops the completed answers at the head of the queue and fails those whose deadline has passed. */
    void expire(long nowNanos) {
        for (Watched head = watched.peek(); head != null; head = watched.peek()) {
            if (!head.answer.isDone() && head.deadline - nowNanos > 0) {
                return;
            }
            watched.poll();
            if (!head.answer.isDone()) {
                head.answer.completeExceptionally(new TimeoutException("no answer within "
                        + Duration.ofNanos(timeoutNanos).toMillis() + " ms"));
            }
        }
    }

    /** Answers watched and not yet dropped. */
    int size() {
        return watched.size();
    }

    private record Watched(long deadline, CompletableFuture<?> answer) {
    }
}
