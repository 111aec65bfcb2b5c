package io.osprey.diameter.routing;

import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.peer.Peer;
import java.util.Objects;

/** The outcome of routing a request (RFC 6733 §6.1): process locally, forward to a peer, or answer an error. */
public sealed interface RouteDecision {

    /** Process on this node. */
    record Local() implements RouteDecision {
    }

    /** Send to {@code peer}. */
    record Forward(Peer peer) implements RouteDecision {
        public Forward {
            Objects.requireNonNull(peer, "peer");
        }
    }

    /** Answer with {@code resultCode}, e.g. 3002 DIAMETER_UNABLE_TO_DELIVER or 3005 DIAMETER_LOOP_DETECTED. */
    record Reject(ResultCode resultCode, String reason) implements RouteDecision {
        public Reject {
            Objects.requireNonNull(resultCode, "resultCode");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
