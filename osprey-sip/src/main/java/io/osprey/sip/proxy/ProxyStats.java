package io.osprey.sip.proxy;

import java.util.concurrent.atomic.LongAdder;

/** Counters of the proxy core for metrics and tests. */
public final class ProxyStats {

    private final LongAdder forwarded = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder loops = new LongAdder();
    private final LongAdder statelessAcks = new LongAdder();
    private final LongAdder strayForwarded = new LongAdder();

    void forwarded() {
        forwarded.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void loop() {
        loops.increment();
    }

    void statelessAck() {
        statelessAcks.increment();
    }

    void strayForwarded() {
        strayForwarded.increment();
    }

    /** Requests forwarded statefully (each may have several branches). */
    public long forwardedRequests() {
        return forwarded.sum();
    }

    /** Requests answered by the proxy itself with an error (validation, routing). */
    public long rejectedRequests() {
        return rejected.sum();
    }

    public long loopsDetected() {
        return loops.sum();
    }

    public long statelessAcks() {
        return statelessAcks.sum();
    }

    public long strayResponsesForwarded() {
        return strayForwarded.sum();
    }
}
