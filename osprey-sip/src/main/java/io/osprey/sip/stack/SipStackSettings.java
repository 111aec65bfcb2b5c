package io.osprey.sip.stack;

import io.osprey.sip.codec.SipLimits;
import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transport.TransportConfig;
import java.time.Duration;

/**
 * Everything a {@link SipStack} needs to start.
 *
 * @param transport    listeners
 * @param limits       decoder limits
 * @param timers       T1, T2, T4
 * @param lanes        serial executors owning transaction and dialog state
 * @param laneQueue    tasks per lane before new requests are refused
 * @param rejectAbove  lane fill ratio past which new requests get 503 (RFC 3261 §21.5.4)
 * @param retryAfter   Retry-After sent with those 503s
 * @param ioThreads    Netty event loop threads
 * @param queueDelay   how long messages may wait for their lane before new requests get 503, and whether this
 *                     stack refuses for it ({@link QueueDelay}; the lane fill ratio applies in any case)
 */
public record SipStackSettings(TransportConfig transport, SipLimits limits, TransactionConfig timers, int lanes,
                               int laneQueue, double rejectAbove, Duration retryAfter, int ioThreads,
                               QueueDelay queueDelay) {

    /**
     * A tenth of T1: requests are refused well before their clients retransmit them, and before what waits lives
     * through a young collection (decision 0014).
     */
    public static final Duration DEFAULT_MAX_QUEUE_DELAY = Duration.ofMillis(50);

    /** With a queueing-delay signal of its own and the {@linkplain #DEFAULT_MAX_QUEUE_DELAY default} limit. */
    public SipStackSettings(TransportConfig transport, SipLimits limits, TransactionConfig timers, int lanes,
                            int laneQueue, double rejectAbove, Duration retryAfter, int ioThreads) {
        this(transport, limits, timers, lanes, laneQueue, rejectAbove, retryAfter, ioThreads,
                QueueDelay.of(DEFAULT_MAX_QUEUE_DELAY));
    }

    public static SipStackSettings defaults(TransportConfig transport) {
        int cpus = Runtime.getRuntime().availableProcessors();
        return new SipStackSettings(transport, SipLimits.DEFAULTS, TransactionConfig.DEFAULTS, cpus, 16_384, 0.75,
                Duration.ofSeconds(5), Math.max(1, cpus / 2));
    }
}
