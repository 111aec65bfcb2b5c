package io.osprey.sip.proxy;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
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
     */
    record Forward(List<List<Target>> groups, SipRequest request, ResponseRewriter responses,
                   IntPredicate tryNextGroup) implements RoutingDecision {

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
        }

        public Forward(List<List<Target>> groups) {
            this(groups, null, null, null);
        }

        public static Forward to(Target target) {
            return new Forward(List.of(List.of(target)));
        }

        /** One target, with the request rewritten by the policy. */
        public static Forward to(Target target, SipRequest request) {
            return new Forward(List.of(List.of(target)), request, null, null);
        }

        public Forward withRequest(SipRequest rewritten) {
            return new Forward(groups, rewritten, responses, tryNextGroup);
        }

        public Forward withResponses(ResponseRewriter rewriter) {
            return new Forward(groups, request, rewriter, tryNextGroup);
        }

        public Forward withTryNextGroup(IntPredicate predicate) {
            return new Forward(groups, request, responses, predicate);
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
