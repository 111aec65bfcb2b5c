package io.osprey.sip.codec;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which {@link SipCompliance} deviations the decoder and validator accept. {@link #STRICT} rejects all of them
 * with 400; {@link #LENIENT} accepts all of them, counted, and never forwards the fault.
 */
public final class CompliancePolicy {

    /** Accepts no deviation. */
    public static final CompliancePolicy STRICT = new CompliancePolicy(EnumSet.noneOf(SipCompliance.class));
    /** Accepts every listed deviation. */
    public static final CompliancePolicy LENIENT = new CompliancePolicy(EnumSet.allOf(SipCompliance.class));

    private final Set<SipCompliance> tolerated;

    private CompliancePolicy(EnumSet<SipCompliance> tolerated) {
        this.tolerated = Collections.unmodifiableSet(tolerated);
    }

    /** A policy tolerating exactly {@code deviations}. */
    public static CompliancePolicy tolerating(Set<SipCompliance> deviations) {
        return new CompliancePolicy(deviations.isEmpty() ? EnumSet.noneOf(SipCompliance.class)
                : EnumSet.copyOf(deviations));
    }

    /** Whether {@code deviation} is accepted. */
    public boolean tolerates(SipCompliance deviation) {
        return tolerated.contains(deviation);
    }

    /** The accepted deviations. */
    public Set<SipCompliance> tolerated() {
        return tolerated;
    }

    /** Whether {@code deviation} is accepted; if it is, counts it in {@code counters}. */
    public boolean allow(SipCompliance deviation, ComplianceCounters counters) {
        if (!tolerated.contains(deviation)) {
            return false;
        }
        counters.record(deviation);
        return true;
    }

    @Override
    public String toString() {
        return "CompliancePolicy" + tolerated;
    }
}
