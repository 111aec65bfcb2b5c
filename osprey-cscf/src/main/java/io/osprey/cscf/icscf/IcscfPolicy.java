package io.osprey.cscf.icscf;

import io.osprey.cscf.cx.CxClient;
import io.osprey.cscf.cx.CxResult;
import io.osprey.cscf.cx.LocationInfoAnswer;
import io.osprey.cscf.cx.UserAuthorizationAnswer;
import io.osprey.cscf.cx.UserAuthorizationType;
import io.osprey.cscf.sip.HssTrouble;
import io.osprey.cscf.sip.Identities;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.proxy.ProxyRequest;
import io.osprey.sip.proxy.ResponseRewriter;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The I-CSCF (TS 24.229 §5.3): for a REGISTER it asks the HSS with UAR which S-CSCF serves the user, or selects
 * one by capabilities, and forwards there, moving to the next candidate when one fails with 408 or 5xx
 * (§5.3.1.3); for an initial request to a home user it asks with LIR and forwards to the serving S-CSCF (§5.3.2).
 * A number the HSS does not own leaves through the breakout routes (a BGCF table) or gets 404.
 *
 * <pre>
 *   P ──REGISTER──▶ I ──UAR──▶ HSS      S(orig) ──INVITE──▶ I ──LIR──▶ HSS
 *                   I ◀─UAA───              I ──INVITE (Route: S-CSCF)──▶ S(term)
 *                   I ──REGISTER (Route: S-CSCF)──▶ S
 * </pre>
 */
public final class IcscfPolicy implements ProxyPolicy {

    private final IcscfSettings settings;
    private final CxClient cx;
    private final ScscfSelection selection;
    private final Function<String, String> breakout;
    private final TopologyHiding hiding;
    private final HssTrouble hssTrouble;

    /**
     * @param breakout maps a global number ({@code +E.164}) the HSS does not know to the SIP URI of a trunk or BGCF,
     *                 or null when there is none
     */
    public IcscfPolicy(IcscfSettings settings, CxClient cx, Function<String, String> breakout) {
        this(settings, cx, breakout, null);
    }

    /** @param hiding topology hiding of the home network (THIG), or null for none */
    public IcscfPolicy(IcscfSettings settings, CxClient cx, Function<String, String> breakout,
                       TopologyHiding hiding) {
        this.settings = settings;
        this.cx = cx;
        this.selection = new ScscfSelection(settings.scscfs());
        this.breakout = breakout;
        this.hiding = hiding;
        this.hssTrouble = new HssTrouble(settings.host(), settings.retryAfter());
    }

    @Override
    public RoutingDecision route(ProxyRequest request) {
        if (hiding != null && !request.ownRoutes().isEmpty()
                && request.ownRoutes().get(0).uri() instanceof SipUri own && own.hasParam(TopologyHiding.PARAM)) {
            List<String> hidden = hiding.reveal(own);
            if (hidden == null) {
                return new RoutingDecision.Respond(400, "Bad Request", "topology hiding token is not valid here");
            }
            return RoutingDecision.Forward.to(new Target(request.routed().requestUri(), null, hidden));
        }
        RoutingDecision fixed = request.fixedRoute();
        if (request.inDialog() || fixed != null) {
            return fixed != null ? fixed
                    : new RoutingDecision.Respond(481, "Call/Transaction Does Not Exist", "no dialog here");
        }
        SipRequest routed = request.routed();
        if ("REGISTER".equals(routed.method())) {
            return register(routed);
        }
        return terminating(routed);
    }

    private RoutingDecision register(SipRequest register) {
        NameAddress to = register.to();
        if (to == null || Identities.publicIdentity(to.uri()) == null) {
            return new RoutingDecision.Respond(400, "Bad Request", "To must carry a public user identity");
        }
        String impu = Identities.publicIdentity(to.uri());
        String impi = privateIdentity(register);
        String visited = register.header("P-Visited-Network-ID");
        visited = visited == null ? settings.visitedNetworkId() : visited.replace("\"", "").trim();
        UserAuthorizationType type = isDeregistration(register) ? UserAuthorizationType.DE_REGISTRATION
                : UserAuthorizationType.REGISTRATION;
        // TS 24.229 §5.3.1.2: a registration status query that cannot be completed (time-out) is answered 480
        return new RoutingDecision.Pending(cx.userAuthorization(impi, impu, visited, type)
                .thenApply(uaa -> afterUaa(register, uaa))
                .exceptionally(failure -> hssTrouble.failed(register, "UAR", cx.destinationRealm(), failure, 480,
                        "Temporarily Unavailable")));
    }

    private RoutingDecision afterUaa(SipRequest register, UserAuthorizationAnswer uaa) {
        CxResult result = uaa.result();
        if (HssTrouble.isBusy(result)) {
            return hssTrouble.busy(register, "UAR", cx.destinationRealm());
        }
        if (!result.isSuccess()) {
            return refusal(result, "UAA");
        }
        List<String> servers = new ArrayList<>();
        if (uaa.serverName() != null && !uaa.serverName().isEmpty()) {
            servers.add(uaa.serverName());
        }
        for (String candidate : selection.choose(uaa.capabilities())) {
            if (!servers.contains(candidate)) {
                servers.add(candidate);
            }
        }
        if (servers.isEmpty()) {
            return new RoutingDecision.Respond(600, "Busy Everywhere", "no S-CSCF has the capabilities the user needs");
        }
        return toScscf(register, servers);
    }

    /** One group per S-CSCF: the next is tried only when one does not answer or answers 5xx (§5.3.1.3). */
    private RoutingDecision toScscf(SipRequest request, List<String> servers) {
        List<List<Target>> groups = new ArrayList<>(servers.size());
        for (String server : servers) {
            groups.add(List.of(new Target(request.requestUri(), null, List.of("<" + server + ";lr>"))));
        }
        RoutingDecision.Forward forward = new RoutingDecision.Forward(groups)
                .withTryNextGroup(code -> code == 408 || code >= 500);
        if (groups.size() > 1) {
            // an S-CSCF that says nothing is given up in time for the next one (with one, timer F decides)
            forward = forward.withNoResponse(settings.scscfResponseTimeout());
        }
        ResponseRewriter rewriter = hiding == null ? ResponseRewriter.UNCHANGED : hiding::hide;
        // A 503 after every S-CSCF that could take the REGISTER refused: any other registration would get one too
        return forward.withResponses("REGISTER".equals(request.method())
                ? ResponseRewriter.passingOverload(rewriter) : rewriter);
    }

    private RoutingDecision terminating(SipRequest request) {
        Uri target = request.requestUri();
        String impu = Identities.publicIdentity(target);
        if (impu == null) {
            return new RoutingDecision.Respond(404, "Not Found", "Request-URI is not a public identity");
        }
        return new RoutingDecision.Pending(cx.locationInfo(impu, false)
                .thenApply(lia -> afterLia(request, lia))
                .exceptionally(failure -> hssTrouble.failed(request, "LIR", cx.destinationRealm(), failure)));
    }

    private RoutingDecision afterLia(SipRequest request, LocationInfoAnswer lia) {
        CxResult result = lia.result();
        if (HssTrouble.isBusy(result)) {
            return hssTrouble.busy(request, "LIR", cx.destinationRealm());
        }
        if (result.isSuccess()) {
            List<String> servers = new ArrayList<>();
            if (lia.serverName() != null && !lia.serverName().isEmpty()) {
                servers.add(lia.serverName());
            } else {
                servers.addAll(selection.choose(lia.capabilities()));
            }
            if (servers.isEmpty()) {
                return new RoutingDecision.Respond(480, "Temporarily Unavailable", "no S-CSCF can serve the callee");
            }
            return toScscf(request, servers);
        }
        if (result.experimental() && result.resultCode() == 5001) {
            String trunk = request.requestUri() instanceof TelUri tel && tel.isGlobal()
                    ? breakout.apply(tel.digits()) : null;
            if (trunk != null) {
                return RoutingDecision.Forward.to(new Target(UriParser.parse(trunk), null));
            }
            return new RoutingDecision.Respond(404, "Not Found", "callee is not a user of this network");
        }
        if (result.experimental() && result.resultCode() == 5003) {
            return new RoutingDecision.Respond(480, "Temporarily Unavailable", "callee is not registered");
        }
        return refusal(result, "LIA");
    }

    private static RoutingDecision refusal(CxResult result, String answer) {
        long code = result.resultCode();
        if (result.experimental()) {
            String why = switch ((int) code) {
                case 5001 -> "user unknown";
                case 5002 -> "private and public identities do not match";
                case 5003 -> "identity not registered";
                case 5004 -> "roaming not allowed";
                default -> null;
            };
            if (why != null) {
                return new RoutingDecision.Respond(403, "Forbidden", why + " (" + answer + " " + code + ")");
            }
        } else if (code == 5003) {
            return new RoutingDecision.Respond(403, "Forbidden", "authorization rejected (" + answer + " 5003)");
        }
        return new RoutingDecision.Respond(480, "Temporarily Unavailable", "HSS answered " + answer + " with " + code);
    }

    private static String privateIdentity(SipRequest register) {
        String authorization = register.header("Authorization");
        if (authorization != null) {
            try {
                String username = DigestCredentials.parse(authorization).username();
                if (username != null && !username.isEmpty()) {
                    return username;
                }
            } catch (RuntimeException ignored) {
                // the S-CSCF answers a malformed Authorization; the I-CSCF falls back to the derived identity
            }
        }
        return Identities.derivedPrivateIdentity(register.to().uri());
    }

    private static boolean isDeregistration(SipRequest register) {
        if (register.isContactWildcard()) {
            return true;
        }
        List<NameAddress> contacts = register.contacts();
        if (contacts.isEmpty()) {
            return false;
        }
        for (NameAddress contact : contacts) {
            String expires = contact.param("expires");
            long seconds = expires != null ? parse(expires) : register.expires();
            if (seconds != 0) {
                return false;
            }
        }
        return true;
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
