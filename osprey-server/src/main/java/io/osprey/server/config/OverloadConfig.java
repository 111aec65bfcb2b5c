package io.osprey.server.config;

import io.osprey.sip.stack.SipStackSettings;
import java.time.Duration;

/**
 * Load shedding: past {@code rejectAbove} (fill ratio of the fullest lane queue), new requests outside a dialog get
 * 503 with Retry-After while transactions and dialogs already in progress continue (RFC 3261 §21.5.4, RFC 7339 spirit).
 *
 * @param rejectAbove lane fill ratio above which new requests are refused, 0 < x ≤ 1, default 0.75
 * @param retryAfter  value of the Retry-After header, default 5 s
 * @param maxPendingDecisions requests an I- or S-CSCF may hold while it waits for the HSS (UAR, MAR, SAR, LIR);
 *                    past it new requests get 503 with Retry-After at once, default 512 (a REGISTER that answers
 *                    a challenge only past twice this)
 * @param maxOutstandingCx Cx requests a CSCF may have sent and not had answered; past it a request gets 503 at
 *                    once instead of queueing towards an HSS that lags, default 1024
 * @param maxQueueDelay how long received messages may wait for their lane: new requests get 503 with Retry-After
 *                    from when one waited longer until twice this later; well below T1, so that clients do not
 *                    retransmit what is only queued; default 50 ms, 0 turns it off (decision 0014)
 */
public record OverloadConfig(Double rejectAbove, Duration retryAfter, Integer maxPendingDecisions,
                             Integer maxOutstandingCx, Duration maxQueueDelay) {

    public OverloadConfig {
        rejectAbove = rejectAbove == null ? 0.75 : rejectAbove;
        if (!(rejectAbove > 0 && rejectAbove <= 1)) {
            throw new ConfigException("reject-above", rejectAbove + " is out of range; expected 0 < value <= 1");
        }
        retryAfter = ConfigChecks.positive("retry-after", retryAfter == null ? Duration.ofSeconds(5) : retryAfter);
        maxPendingDecisions = ConfigChecks.range("max-pending-decisions",
                maxPendingDecisions == null ? 512 : maxPendingDecisions, 1, 1_000_000);
        maxOutstandingCx = ConfigChecks.range("max-outstanding-cx",
                maxOutstandingCx == null ? 1024 : maxOutstandingCx, 1, 1_000_000);
        maxQueueDelay = maxQueueDelay == null ? SipStackSettings.DEFAULT_MAX_QUEUE_DELAY : maxQueueDelay;
        if (maxQueueDelay.isNegative()) {
            throw new ConfigException("max-queue-delay", maxQueueDelay + " is negative; expected 0 (off) or more");
        }
    }

    static OverloadConfig defaults() {
        return new OverloadConfig(null, null, null, null, null);
    }
}
