package io.osprey.sip.proxy;

/**
 * The routing policy of a proxy (RFC 3261 §16.5): a static table, a location service, an IMS CSCF. Unlike a
 * {@link TargetResolver}, which is asked only about requests whose target RFC 3261 leaves open, a policy sees every
 * request that passed validation and may rewrite it, answer it, or decide after an asynchronous look-up.
 * Called on the request's lane; must not block.
 */
@FunctionalInterface
public interface ProxyPolicy {

    RoutingDecision route(ProxyRequest request);

    /** Plain RFC 3261 proxying: follow a fixed target, else ask {@code resolver}. */
    static ProxyPolicy of(TargetResolver resolver) {
        return request -> {
            RoutingDecision.Forward fixed = request.fixedRoute();
            return fixed != null ? fixed : resolver.resolve(request.routed());
        };
    }
}
