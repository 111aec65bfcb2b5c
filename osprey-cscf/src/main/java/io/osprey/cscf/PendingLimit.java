package io.osprey.cscf;

import io.osprey.cscf.sip.HssTrouble;
import io.osprey.sip.auth.ChallengeAnswers;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.proxy.ProxyRequest;
import io.osprey.sip.proxy.RoutingDecision;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Overload control for a CSCF whose decisions wait on Diameter (docs/decisions/0004): such requests leave their
 * lane at once ({@link RoutingDecision.Pending}), so the lanes never fill and the SIP stack's own 503 never fires
 * while the HSS falls behind. This bounds the decisions still pending: past the bound, a new request outside a
 * dialog (not ACK, not CANCEL) is answered 503 Service Unavailable with Retry-After (RFC 3261 §21.5.4) and a
 * Warning before the policy sees it, while requests inside dialogs, CANCELs, ACKs and the decisions already
 * pending go on, so calls and registrations in progress complete. A REGISTER that answers a challenge (its
 * Authorization carries a response, RFC 3261 §22.4) finishes work already spent on it, a MAR and its vectors
 * (TS 24.229 §5.4.1.2): it is refused only past twice the bound, so that under overload the registrations that got a
 * 401 complete rather than fail at their last step and come back as new ones.
 *
 * <p>The check and the count are not one atomic step: with several lanes deciding at once the bound may be passed
 * by at most one request per lane, which keeps the hot path free of locks.
 */
final class PendingLimit implements ProxyPolicy {

    private final ProxyPolicy policy;
    private final int maxPending;
    private final HssTrouble answers;
    private final AtomicInteger pending = new AtomicInteger();
    private final LongAdder rejected = new LongAdder();

    PendingLimit(ProxyPolicy policy, int maxPending, String host, Duration retryAfter) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPendingDecisions must be at least 1, was " + maxPending);
        }
        this.policy = policy;
        this.maxPending = maxPending;
        this.answers = new HssTrouble(host, retryAfter);
    }

    @Override
    public RoutingDecision route(ProxyRequest request) {
        int decisions = pending.get();
        if (decisions >= maxPending && isNew(request.routed())) {
            int bound = ChallengeAnswers.answersChallenge(request.routed()) ? 2 * maxPending : maxPending;
            if (decisions >= bound) {
                rejected.increment();
                return answers.tooManyWaiting(request.routed(), bound);
            }
        }
        RoutingDecision decision = policy.route(request);
        if (decision instanceof RoutingDecision.Pending waiting) {
            pending.incrementAndGet();
            // The proxy resumes from the stage returned here, so the count drops before the answer can go out.
            return new RoutingDecision.Pending(waiting.decision()
                    .whenComplete((later, failure) -> pending.decrementAndGet()));
        }
        return decision;
    }

    /** Decisions the policy has not made yet. */
    int pending() {
        return pending.get();
    }

    /** New requests answered 503 because too many decisions were pending. */
    long rejected() {
        return rejected.sum();
    }

    private static boolean isNew(SipRequest request) {
        String method = request.method();
        return !"ACK".equals(method) && !"CANCEL".equals(method)
                && (request.to() == null || request.to().tag() == null);
    }
}
