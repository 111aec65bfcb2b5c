package io.osprey.sip.proxy;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import java.util.List;
import java.util.Locale;

/**
 * A static route table, first match wins: {@code *} matches every request, {@code @host} a Request-URI host, and
 * anything else a prefix of the Request-URI user part or telephone number (dialled digits). A request matching no
 * rule goes to its Request-URI when that names another element, and gets 404 when it names this proxy.
 */
public final class StaticRoutes implements TargetResolver {

    /** One rule: what to match and the hop to send matching requests to (the Request-URI is kept). */
    public record Rule(String match, Hop hop) {
    }

    private final List<Rule> rules;
    private final LocalAddresses local;

    public StaticRoutes(List<Rule> rules, LocalAddresses local) {
        this.rules = List.copyOf(rules);
        this.local = local;
    }

    @Override
    public RoutingDecision resolve(SipRequest request) {
        Uri uri = request.requestUri();
        for (Rule rule : rules) {
            if (matches(rule.match(), uri)) {
                return RoutingDecision.Forward.to(new Target(uri, rule.hop()));
            }
        }
        if (!local.isLocal(uri) && uri instanceof SipUri) {
            return RoutingDecision.Forward.to(new Target(uri, null));
        }
        return new RoutingDecision.Respond(404, "Not Found", "no route for " + uri);
    }

    static boolean matches(String match, Uri uri) {
        if ("*".equals(match)) {
            return true;
        }
        if (match.startsWith("@")) {
            return uri instanceof SipUri sip && sip.host().toLowerCase(Locale.ROOT).equals(match.substring(1).toLowerCase(Locale.ROOT));
        }
        String user = switch (uri) {
            case SipUri sip -> sip.user();
            case TelUri tel -> tel.digits(); // RFC 3966 §4: visual separators do not count
            default -> null;
        };
        return user != null && user.startsWith(match);
    }
}
