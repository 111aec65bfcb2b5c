package io.osprey.diameter.peer;

import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A request on its way to a peer and the future its answer completes. It has a fixed deadline (its timeout
 * runs across failovers), remembers which peers it was sent to so failover picks another, and whether it
 * must carry the 'T' flag (RFC 6733 §3: set when resending a request not yet answered). Completion happens
 * once; later answers are ignored.
 */
public final class PendingRequest {

    private final DiameterMessage request;
    private final long deadlineNanos;
    private final Duration timeout;
    private final CompletableFuture<DiameterMessage> answer = new CompletableFuture<>();
    private final Set<String> triedPeers = new HashSet<>(2);
    private volatile boolean retransmitted;

    /**
     * @param startNanos the {@link io.osprey.common.time.Scheduler#nanoTime()} when the request was sent
     */
    public PendingRequest(DiameterMessage request, long startNanos, Duration timeout) {
        if (!request.isRequest()) {
            throw new IllegalArgumentException("not a request: " + request);
        }
        this.request = request;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.deadlineNanos = startNanos + timeout.toNanos();
        this.retransmitted = request.isPotentiallyRetransmitted();
    }

    public DiameterMessage request() {
        return request;
    }

    /** The request as it goes on the wire now: with the 'T' flag after a failover. */
    DiameterMessage requestToSend(HopByHopId hopByHopId) {
        DiameterMessage out = retransmitted && !request.isPotentiallyRetransmitted()
                ? request.withPotentiallyRetransmitted() : request;
        return out.withHopByHopId(hopByHopId);
    }

    public CompletableFuture<DiameterMessage> answer() {
        return answer;
    }

    public boolean isDone() {
        return answer.isDone();
    }

    public Duration timeout() {
        return timeout;
    }

    public long deadlineNanos() {
        return deadlineNanos;
    }

    public boolean isRetransmitted() {
        return retransmitted;
    }

    /** Marks the request as resent after failover: it goes out again with the 'T' flag. */
    public void markRetransmitted() {
        retransmitted = true;
    }

    /** Whether the request was already handed to {@code host}. */
    public synchronized boolean wasSentTo(String host) {
        return triedPeers.contains(host.toLowerCase(Locale.ROOT));
    }

    /** Records that the request went to {@code host}, or must not go there (the peer it came from). */
    public synchronized void sentTo(String host) {
        triedPeers.add(host.toLowerCase(Locale.ROOT));
    }

    public boolean complete(DiameterMessage message) {
        return answer.complete(message);
    }

    public boolean fail(Throwable cause) {
        return answer.completeExceptionally(cause);
    }

    @Override
    public String toString() {
        return "PendingRequest{" + request.commandCode() + " " + request.endToEndId() + (retransmitted ? " T" : "") + "}";
    }
}
