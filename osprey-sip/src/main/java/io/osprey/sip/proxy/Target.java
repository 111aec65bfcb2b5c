package io.osprey.sip.proxy;

import io.osprey.sip.transport.Hop;
import io.osprey.sip.uri.Uri;

/**
 * One destination of a proxied request (RFC 3261 §16.5): the Request-URI the copy carries and, when the routing
 * policy fixes it (a static route, an outbound proxy), the hop to send it to. A null hop means "resolve from the
 * Route set or the Request-URI" (RFC 3261 §16.6 step 7).
 */
public record Target(Uri requestUri, Hop hop) {
}
