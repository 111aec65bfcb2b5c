package io.osprey.diameter.routing;

/**
 * What a realm routing table entry does with a request (RFC 6733 §2.7, Local Action): process it here, or
 * forward it to one of the entry's peers. REDIRECT is not supported.
 */
public enum RouteAction {
    /** Process the request on this node. */
    LOCAL,
    /** Forward to a peer without looking into the application (RFC 6733 §2.8.2). */
    RELAY,
    /** Forward to a peer; a proxy may apply policy, which this node does not (RFC 6733 §2.8.3). */
    PROXY
}
