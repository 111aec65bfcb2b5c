package io.osprey.sip.transport;

import java.util.concurrent.atomic.LongAdder;

/** Message and error counters of the transports, for metrics and tests. */
public final class TransportStats {

    private final LongAdder[] received = adders();
    private final LongAdder[] sent = adders();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder rejected = new LongAdder();

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[TransportProtocol.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    void received(TransportProtocol transport) {
        received[transport.ordinal()].increment();
    }

    void sent(TransportProtocol transport) {
        sent[transport.ordinal()].increment();
    }

    void malformed() {
        malformed.increment();
    }

    /** A request refused before reaching the core (overload, bad syntax answered with 4xx). */
    public void rejected() {
        rejected.increment();
    }

    public long receivedCount(TransportProtocol transport) {
        return received[transport.ordinal()].sum();
    }

    public long sentCount(TransportProtocol transport) {
        return sent[transport.ordinal()].sum();
    }

    public long malformedCount() {
        return malformed.sum();
    }

    public long rejectedCount() {
        return rejected.sum();
    }
}
