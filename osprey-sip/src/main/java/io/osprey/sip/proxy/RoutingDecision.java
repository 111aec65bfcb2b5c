package io.osprey.sip.proxy;

import java.util.List;

/** What the routing policy decided for a request: forward it to targets, or answer it here. */
public sealed interface RoutingDecision {

    /**
     * Forward to the targets: the targets of one group are tried in parallel; the next group is tried only when
     * every branch of the previous one failed (sequential forking by q-value, RFC 3261 §16.6, §16.7 step 7).
     */
    record Forward(List<List<Target>> groups) implements RoutingDecision {
        public Forward {
            groups = List.copyOf(groups.stream().map(List::copyOf).toList());
        }

        public static Forward to(Target target) {
            return new Forward(List.of(List.of(target)));
        }
    }

    /** Answer the request here with this status (e.g. 404 for an unknown target) and a Warning text. */
    record Respond(int statusCode, String reason, String warning) implements RoutingDecision {
    }
}
