package io.osprey.sip.codec;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** Thread-safe counts of tolerated {@link SipCompliance} deviations, for metrics. */
public final class ComplianceCounters {

    private final LongAdder[] counts = new LongAdder[SipCompliance.values().length];

    public ComplianceCounters() {
        for (int i = 0; i < counts.length; i++) {
            counts[i] = new LongAdder();
        }
    }

    /** Counts one occurrence. */
    public void record(SipCompliance deviation) {
        counts[deviation.ordinal()].increment();
    }

    /** Occurrences of {@code deviation} so far. */
    public long count(SipCompliance deviation) {
        return counts[deviation.ordinal()].sum();
    }

    /** All counts, including zeros. */
    public Map<SipCompliance, Long> snapshot() {
        Map<SipCompliance, Long> map = new EnumMap<>(SipCompliance.class);
        for (SipCompliance c : SipCompliance.values()) {
            map.put(c, count(c));
        }
        return map;
    }
}
