package io.osprey.sip.codec;

import io.osprey.sip.uri.SyntaxLimits;
import java.util.List;

/** The settings one decoder parses with: limits, the compliance policy and where deviations are counted. */
record ParseContext(SipLimits limits, SyntaxLimits syntax, CompliancePolicy policy, ComplianceCounters counters) {

    ParseContext(SipLimits limits, CompliancePolicy policy, ComplianceCounters counters) {
        this(limits, limits.syntaxLimits(), policy, counters);
    }

    /** Whether {@code deviation} is tolerated; counts it if so. */
    boolean allow(SipCompliance deviation) {
        return policy.allow(deviation, counters);
    }

    /** A 400 for {@code field}. */
    static SipParseException bad(String field, String reason, CharSequence value, boolean request) {
        return new SipParseException(400, field, reason, value, -1, request, List.of());
    }

    /** A size violation answered with {@code status}. */
    static SipParseException tooLarge(int status, String field, String reason, long value, long limit,
                                      boolean request) {
        return new SipParseException(status, field, reason, Long.toString(value), limit, request, List.of());
    }
}
