package io.osprey.server.config;

import java.time.Duration;

/**
 * Load shedding: past {@code rejectAbove} (fill ratio of the fullest lane queue), new requests outside a dialog get
 * 503 with Retry-After while transactions and dialogs already in progress continue (RFC 3261 §21.5.4, RFC 7339 spirit).
 *
 * @param rejectAbove lane fill ratio above which new requests are refused, 0 < x ≤ 1, default 0.75
 * @param retryAfter  value of the Retry-After header, default 5 s
 */
public record OverloadConfig(Double rejectAbove, Duration retryAfter) {

    public OverloadConfig {
        rejectAbove = rejectAbove == null ? 0.75 : rejectAbove;
        if (!(rejectAbove > 0 && rejectAbove <= 1)) {
            throw new ConfigException("reject-above", rejectAbove + " is out of range; expected 0 < value <= 1");
        }
        retryAfter = ConfigChecks.positive("retry-after", retryAfter == null ? Duration.ofSeconds(5) : retryAfter);
    }

    static OverloadConfig defaults() {
        return new OverloadConfig(null, null);
    }
}
