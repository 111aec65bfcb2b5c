package io.osprey.sip.proxy;

import io.osprey.sip.transport.Hop;
import io.osprey.sip.uri.Uri;
import java.util.List;

/**
 * One destination of a proxied request (RFC 3261 §16.5): the Request-URI the copy carries and, when the routing
 * policy fixes it (a static route, an outbound proxy), the hop to send it to. A null hop means "resolve from the
 * Route set or the Request-URI" (RFC 3261 §16.6 step 7).
 *
 * @param routeSet Route values to put on top of this copy only, top first: the Path a contact registered with
 *                 (RFC 3327 §5.3) differs from one contact to another
 */
public record Target(Uri requestUri, Hop hop, List<String> routeSet) {

    public Target {
        routeSet = routeSet == null ? List.of() : List.copyOf(routeSet);
    }

    public Target(Uri requestUri, Hop hop) {
        this(requestUri, hop, List.of());
    }
}
