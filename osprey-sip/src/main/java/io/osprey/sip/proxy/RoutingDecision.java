package io.osprey.sip.proxy;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.IntPredicate;

/** What the routing policy decided for a request: forward it, answer it here, or decide later. */
public sealed interface RoutingDecision {

    /**
     * Forward to the targets: the targets of one group are tried in parallel; the next group is tried only when
     * every branch of the previous one failed with a status {@code tryNextGroup} accepts (sequential forking by
     * q-value, RFC 3261 §16.6, §16.7 step 7; an I-CSCF moving to another S-CSCF only after 408 or 5xx).
     *
     * @param groups       targets, group by group
     * @param request      the request to copy into every branch, as the policy rewrote it; null forwards the request
     *                     as received (after Route pre-processing)
     * @param responses    sees, and may rewrite, each response before it goes upstream
     * @param tryNextGroup which best final status of a group lets the next group start
     * @param noAnswer     for an INVITE, when to give up ringing branches; null lets them ring until timer C
     * @param noResponse   how long a branch may stay without any response (not even 100) before it counts as a 408
     *                     and the next group may start; null waits for the transaction's own timer (B or F)
     */
    record Forward(List<List<Target>> groups, SipRequest request, ResponseRewriter responses,
                   IntPredicate tryNextGroup, NoAnswer noAnswer, Duration noResponse) implements RoutingDecision {

        /** Every failure of a group moves on to the next one. */
        public static final IntPredicate ANY_FAILURE = code -> true;

        public Forward {
            List<List<Target>> copies = new ArrayList<>(groups.size());
            for (List<Target> group : groups) {
                copies.add(List.copyOf(group));
            }
            groups = List.copyOf(copies);
            responses = responses == null ? ResponseRewriter.UNCHANGED : responses;
            tryNextGroup = tryNextGroup == null ? ANY_FAILURE : tryNextGroup;
            if (noResponse != null && (noResponse.isNegative() || noResponse.isZero())) {
                throw new IllegalArgumentException("no-response timeout must be positive, was " + noResponse);
            }
        }

        public Forward(List<List<Target>> groups, SipRequest request, ResponseRewriter responses,
                       IntPredicate tryNextGroup) {
            this(groups, request, responses, tryNextGroup, null, null);
        }

        public Forward(List<List<Target>> groups) {
            this(groups, null, null, null, null, null);
        }

        public static Forward to(Target target) {
            return new Forward(List.of(List.of(target)));
        }

        /** One target, with the request rewritten by the policy. */
        public static Forward to(Target target, SipRequest request) {
            return new Forward(List.of(List.of(target)), request, null, null, null, null);
        }

        public Forward withRequest(SipRequest rewritten) {
            return new Forward(groups, rewritten, responses, tryNextGroup, noAnswer, noResponse);
        }

        public Forward withResponses(ResponseRewriter rewriter) {
            return new Forward(groups, request, rewriter, tryNextGroup, noAnswer, noResponse);
        }

        public Forward withTryNextGroup(IntPredicate predicate) {
            return new Forward(groups, request, responses, predicate, noAnswer, noResponse);
        }

        public Forward withNoAnswer(NoAnswer limit) {
            return new Forward(groups, request, responses, tryNextGroup, limit, noResponse);
        }

        /**
         * Gives up a branch that has had no response at all for {@code limit}, as if it had answered 408, so that
         * the next group starts well before the upstream client's own timer F would end the request (RFC 4320 §2:
         * every hop of a non-INVITE request times out alike, so a proxy that waits for its own timer F has nothing
         * left to try with). An I-CSCF moving a REGISTER to another S-CSCF needs this (TS 24.229 §5.3.1.3).
         */
        public Forward withNoResponse(Duration limit) {
            return new Forward(groups, request, responses, tryNextGroup, noAnswer, limit);
        }
    }

    /**
     * How long an INVITE may go unanswered before the proxy answers it itself (a callee's no-answer time, as a
     * terminating S-CSCF applies it): the caller gets {@code statusCode} with a Warning (RFC 3261 §20.43) saying
     * so, and every branch still ringing is CANCELled with a Reason (RFC 3326) carrying the same status.
     *
     * @param timeout    from forwarding to giving up, whatever provisional responses came
     * @param statusCode the final status sent upstream, 408 or 480 (RFC 3261 §21.4.9, §21.4.18)
     * @param reason     its reason phrase
     * @param warning    the Warning text
     */
    record NoAnswer(Duration timeout, int statusCode, String reason, String warning) {
        public NoAnswer {
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(warning, "warning");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("no-answer timeout must be positive, was " + timeout);
            }
            if (statusCode < 400 || statusCode > 699) {
                throw new IllegalArgumentException("no-answer status must be a failure (4xx-6xx), was " + statusCode);
            }
        }

        /** The Reason header value of the CANCELs (RFC 3326 §2). */
        String cancelReason() {
            return "SIP;cause=" + statusCode + ";text=\"" + reason + "\"";
        }
    }

    /** Answer the request here with this status (e.g. 404 for an unknown target) and a Warning text. */
    record Respond(int statusCode, String reason, String warning) implements RoutingDecision {
    }

    /**
     * Answer the request here with a response the policy built completely (a registrar's 401 or 200, a 380 with an
     * alternative-service body). Its To tag, when final, is the policy's to set.
     */
    record Answer(SipResponse response) implements RoutingDecision {
        public Answer {
            Objects.requireNonNull(response, "response");
        }
    }

    /**
     * The decision needs a round trip first (a Diameter UAR, LIR, MAR or SAR). The proxy resumes on the request's
     * lane when the stage completes; a stage completing exceptionally answers 500 (504 for a time-out).
     */
    record Pending(CompletionStage<RoutingDecision> decision) implements RoutingDecision {
        public Pending {
            Objects.requireNonNull(decision, "decision");
        }
    }
}
