package io.osprey.sip.proxy;

import io.osprey.sip.message.SipRequest;

/**
 * The routing policy of a proxy for requests it is responsible for (RFC 3261 §16.5): a static table, a location
 * service, an IMS S-CSCF's registrar. Called on the request's lane; must not block.
 */
@FunctionalInterface
public interface TargetResolver {

    RoutingDecision resolve(SipRequest request);
}
