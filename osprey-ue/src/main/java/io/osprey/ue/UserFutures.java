package io.osprey.ue;

import java.util.concurrent.CompletableFuture;

/**
 * Completes futures handed to users off the SIP lane, so that a caller's dependent stage (which might block)
 * never runs on, and stalls, the lane that owns the UE's state.
 */
final class UserFutures {

    private UserFutures() {
    }

    static <T> void complete(CompletableFuture<T> future, T value) {
        if (!future.isDone()) {
            future.completeAsync(() -> value);
        }
    }

    static void fail(CompletableFuture<?> future, Throwable cause) {
        if (!future.isDone()) {
            Thread.ofVirtual().name("osprey-ue-future").start(() -> future.completeExceptionally(cause));
        }
    }
}
