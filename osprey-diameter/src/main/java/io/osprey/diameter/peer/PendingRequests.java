package io.osprey.diameter.peer;

import io.osprey.common.time.Scheduler;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The requests a peer connection has sent and not yet seen answered, by Hop-by-Hop Identifier (RFC 6733 §3:
 * unique per connection while pending; an answer carries the request's). An answer is matched by its
 * Hop-by-Hop Identifier on this peer's connection and must also carry the request's End-to-End Identifier.
 * Each entry's timer fails the request with a {@link DiameterTimeoutException} at its deadline. At most
 * {@code capacity} requests wait at a time. Not thread-safe: the peer's thread owns it.
 */
final class PendingRequests {

    private final String peerHost;
    private final Scheduler scheduler;
    private final int capacity;
    private final Map<Integer, Entry> entries = new HashMap<>();
    private int nextId;

    private record Entry(PendingRequest request, Scheduler.Timer timer) {
    }

    PendingRequests(String peerHost, Scheduler scheduler, int capacity, int firstId) {
        if (capacity < 1) {
            throw new IllegalArgumentException("pending request capacity must be at least 1, was " + capacity);
        }
        this.peerHost = peerHost;
        this.scheduler = scheduler;
        this.capacity = capacity;
        this.nextId = firstId;
    }

    /** A Hop-by-Hop Identifier no pending request uses, e.g. for a DWR. */
    HopByHopId nextId() {
        int id;
        do {
            id = nextId++;
        } while (entries.containsKey(id));
        return new HopByHopId(id);
    }

    boolean isFull() {
        return entries.size() >= capacity;
    }

    /**
     * Registers {@code request} and starts its timer; returns its Hop-by-Hop Identifier, or null when the
     * table is full or the deadline has passed (then the request has been failed).
     */
    HopByHopId add(PendingRequest request) {
        long remaining = request.deadlineNanos() - scheduler.nanoTime();
        if (remaining <= 0) {
            request.fail(timeout(request));
            return null;
        }
        if (isFull()) {
            return null;
        }
        HopByHopId id = nextId();
        Scheduler.Timer timer = scheduler.schedule(Duration.ofNanos(remaining), () -> expire(id.value(), request));
        entries.put(id.value(), new Entry(request, timer));
        request.sentTo(peerHost);
        return id;
    }

    /** Completes the request {@code answer} belongs to; null when none matches (late or foreign answer). */
    PendingRequest complete(DiameterMessage answer) {
        Entry entry = entries.get(answer.hopByHopId().value());
        if (entry == null || !entry.request.request().endToEndId().equals(answer.endToEndId())) {
            return null;
        }
        entries.remove(answer.hopByHopId().value());
        entry.timer.cancel();
        entry.request.complete(answer);
        return entry.request;
    }

    /** Removes, and stops the timers of, every request {@code taken} accepts (e.g. one rerouted elsewhere). */
    List<PendingRequest> removeIf(Predicate<PendingRequest> taken) {
        List<PendingRequest> removed = new ArrayList<>();
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (entry.request.isDone() || taken.test(entry.request)) {
                it.remove();
                entry.timer.cancel();
                removed.add(entry.request);
            }
        }
        return removed;
    }

    int size() {
        return entries.size();
    }

    private void expire(int id, PendingRequest request) {
        Entry entry = entries.get(id);
        if (entry != null && entry.request == request) {
            entries.remove(id);
            request.fail(timeout(request));
        }
    }

    private DiameterTimeoutException timeout(PendingRequest request) {
        DiameterMessage m = request.request();
        return new DiameterTimeoutException(peerHost, request.timeout(),
                "command " + m.commandCode() + " of application " + m.applicationId() + " " + m.endToEndId());
    }
}
