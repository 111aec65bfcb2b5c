package io.osprey.diameter.node;

import io.osprey.diameter.message.EndToEndId;
import java.time.Duration;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.LongSupplier;

/**
 * Duplicate detection for requests processed here (RFC 6733 §6.1: the End-to-End Identifier and Origin-Host
 * identify a request; a request resent after failover carries the 'T' flag). The answer of each request is
 * kept for a window, at most {@code capacity} of them, oldest dropped first; a duplicate gets that answer
 * again, even while it is still being computed. Thread-safe.
 *
 * <p>Answers are kept in wire form, one array each rather than a tree of AVPs: under load every entry lives
 * through young collections, and the collector copies one array faster than a few dozen objects (decision 0013).
 */
final class DuplicateRequestCache {

    private record Key(String originHost, int endToEndId) {
    }

    private record Stamp(Key key, long nanos) {
    }

    private final ConcurrentHashMap<Key, CompletableFuture<byte[]>> answers = new ConcurrentHashMap<>();
    private final Queue<Stamp> order = new ConcurrentLinkedQueue<>();
    private final int capacity;
    private final long windowNanos;
    private final LongSupplier clock;

    DuplicateRequestCache(int capacity, Duration window, LongSupplier clock) {
        this.capacity = capacity;
        this.windowNanos = window.toNanos();
        this.clock = clock;
    }

    /**
     * Registers {@code answer} as the answer of the request from {@code originHost} with {@code id} and returns
     * null; when that request was seen within the window, returns its earlier answer instead.
     */
    CompletableFuture<byte[]> putIfAbsent(String originHost, EndToEndId id, CompletableFuture<byte[]> answer) {
        Key key = new Key(originHost.toLowerCase(Locale.ROOT), id.value());
        long now = clock.getAsLong();
        evict(now);
        CompletableFuture<byte[]> earlier = answers.putIfAbsent(key, answer);
        if (earlier == null) {
            order.add(new Stamp(key, now));
        }
        return earlier;
    }

    int size() {
        return answers.size();
    }

    private void evict(long now) {
        Stamp head;
        while ((head = order.peek()) != null && (answers.size() >= capacity || now - head.nanos > windowNanos)) {
            if (order.remove(head)) {
                answers.remove(head.key);
            }
        }
    }
}
