package io.osprey.sip.proxy;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transport.Source;
import java.util.List;

/**
 * A request as a {@link ProxyPolicy} sees it, after validation (RFC 3261 §16.3) and Route pre-processing (§16.4).
 *
 * @param routed       the request with this proxy's own Route values removed (and strict routing undone)
 * @param source       where it came from
 * @param ownRoutes    the Route values that named this proxy and were removed, top first: an IMS S-CSCF tells the
 *                     originating from the terminating case by them (TS 24.229 §5.4.3.2)
 * @param fixedTarget  the target RFC 3261 fixes without asking a policy: the next Route value when a Route set is
 *                     left (§16.5), or the remote target of an in-dialog request (§16.12); null when the proxy is
 *                     responsible for the Request-URI
 */
public record ProxyRequest(SipRequest routed, Source source, List<NameAddress> ownRoutes, Target fixedTarget) {

    public ProxyRequest {
        ownRoutes = List.copyOf(ownRoutes);
    }

    /** Whether the request is inside a dialog (its To carries a tag). */
    public boolean inDialog() {
        return routed.to() != null && routed.to().tag() != null;
    }

    /** The decision of plain RFC 3261 proxying when a target is fixed; null otherwise. */
    public RoutingDecision.Forward fixedRoute() {
        return fixedTarget == null ? null : RoutingDecision.Forward.to(fixedTarget);
    }
}
