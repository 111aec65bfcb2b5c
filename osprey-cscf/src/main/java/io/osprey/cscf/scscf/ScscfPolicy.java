package io.osprey.cscf.scscf;

import io.osprey.cscf.ifc.FilterCriteriaMatcher;
import io.osprey.cscf.numbers.NormalizedNumber;
import io.osprey.cscf.numbers.NumberNormalizer;
import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.regevent.RegEventNotifier;
import io.osprey.cscf.scscf.IscContexts.IscContext;
import io.osprey.cscf.sip.Identities;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.SessionCase;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.proxy.ProxyRequest;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The S-CSCF's routing (TS 24.229 §5.4.3): REGISTER goes to the {@link ScscfRegistrar}; an initial request that
 * arrived on the Service-Route ({@code orig}) is the originating case for the asserted served user, anything else
 * the terminating case for the Request-URI's user. In both, initial filter criteria may send the request to an
 * application server first (ISC), with a Route back here carrying an {@code odi} token; then originating requests
 * go towards the callee's home (the I-CSCF, or other domains by DNS) and terminating ones fork to every registered
 * contact along its Path, higher q first.
 */
public final class ScscfPolicy implements ProxyPolicy {

    private final ScscfSettings settings;
    private final ScscfRegistrar registrar;
    private final RegEventNotifier notifier;
    private final NumberNormalizer numbers;
    private final RegistrationTable table;
    private final FilterCriteriaMatcher matcher = new FilterCriteriaMatcher();
    private final IscContexts isc;
    private final Clock clock;
    /** A call to a registered user that rings this long is answered 480 and its contacts CANCELled. */
    private final RoutingDecision.NoAnswer noAnswer;

    public ScscfPolicy(ScscfSettings settings, ScscfRegistrar registrar, RegEventNotifier notifier,
                       NumberNormalizer numbers, Clock clock) {
        this.settings = settings;
        this.numbers = numbers;
        this.registrar = registrar;
        this.notifier = notifier;
        this.table = registrar.table();
        this.clock = clock;
        this.isc = new IscContexts(settings.challengeLifetime().toMillis() * 10, 1 << 16);
        Duration ring = settings.noAnswerTimeout();
        this.noAnswer = new RoutingDecision.NoAnswer(ring, 480, "Temporarily Unavailable", "no answer within "
                + (ring.toMillis() % 1000 == 0 ? ring.toSeconds() + " s" : ring.toMillis() + " ms"));
    }

    @Override
    public RoutingDecision route(ProxyRequest request) {
        SipRequest routed = request.routed();
        if ("REGISTER".equals(routed.method())) {
            return new RoutingDecision.Pending(registrar.register(routed));
        }
        if (RegEventNotifier.isRegSubscribe(routed) && isForUs(request)) {
            return notifier.subscribe(routed);
        }
        if (request.inDialog()) {
            RoutingDecision fixed = request.fixedRoute();
            return fixed != null ? fixed
                    : new RoutingDecision.Respond(481, "Call/Transaction Does Not Exist", "no dialog here");
        }
        SipUri own = request.ownRoutes().isEmpty() || !(request.ownRoutes().get(0).uri() instanceof SipUri uri)
                ? null : uri;
        IscContext resumed = own == null ? null : isc.take(own.param("odi"));
        if (own != null && own.param("odi") != null && resumed == null) {
            return new RoutingDecision.Respond(480, "Temporarily Unavailable",
                    "application server returned an unknown or expired odi");
        }
        boolean originating = resumed != null ? resumed.sessionCase() == SessionCase.ORIGINATING
                : own != null && "orig".equals(own.user());
        return originating ? originating(routed, resumed) : terminating(routed, resumed);
    }

    /** TS 24.229 §5.4.3.2: requests from a served user registered here. */
    private RoutingDecision originating(SipRequest request, IscContext resumed) {
        String servedUser = resumed != null ? resumed.servedUser() : assertedIdentity(request);
        Registration registration = servedUser == null ? null : table.find(servedUser).orElse(null);
        if (registration == null) {
            return new RoutingDecision.Respond(403, "Forbidden", "originating user is not registered here");
        }
        RoutingDecision viaAs = applicationServer(request, registration, servedUser, SessionCase.ORIGINATING,
                resumed == null ? 0 : resumed.nextFilter());
        if (viaAs != null) {
            return viaAs;
        }
        Uri target = request.requestUri();
        NormalizedNumber number = numbers.normalize(target);
        if (number instanceof NormalizedNumber.Global global) {
            // TS 24.229 §5.4.3.2 step 10: a dialled number becomes a global tel URI before routing
            target = global.toTelUri();
            request = request.toBuilder().requestUri(target).build();
        } else if (target instanceof TelUri) {
            return new RoutingDecision.Respond(484, "Address Incomplete", "the number cannot be made global: "
                    + (number instanceof NormalizedNumber.NotANumber not ? not.reason() : "local number"));
        }
        if (isHome(target) && settings.icscfUri() != null) {
            SipRequest toIcscf = request.toBuilder().addFirst("Route", "<" + settings.icscfUri() + ";lr>").build();
            return RoutingDecision.Forward.to(new Target(target, null), toIcscf);
        }
        if (isHome(target)) {
            return terminating(request, null);
        }
        return RoutingDecision.Forward.to(new Target(target, null));
    }

    /** TS 24.229 §5.4.3.3: requests for a user registered here; to every contact, along each one's Path. */
    private RoutingDecision terminating(SipRequest request, IscContext resumed) {
        String servedUser = resumed != null ? resumed.servedUser() : Identities.publicIdentity(request.requestUri());
        Registration registration = servedUser == null ? null : table.find(servedUser).orElse(null);
        long now = clock.millis();
        if (registration == null || registration.liveBindings(now).isEmpty()) {
            return new RoutingDecision.Respond(480, "Temporarily Unavailable", "callee is not registered");
        }
        RoutingDecision viaAs = applicationServer(request, registration, servedUser,
                SessionCase.TERMINATING_REGISTERED, resumed == null ? 0 : resumed.nextFilter());
        if (viaAs != null) {
            return viaAs;
        }
        return new RoutingDecision.Forward(contactGroups(registration.liveBindings(now))).withNoAnswer(noAnswer);
    }

    /** RFC 3261 §16.6 with §10.2.1.2 q-values: equal q in parallel, higher q groups first. */
    private static List<List<Target>> contactGroups(List<Binding> bindings) {
        List<Binding> sorted = new ArrayList<>(bindings);
        sorted.sort(Comparator.comparingDouble((Binding b) -> b.q()).reversed());
        List<List<Target>> groups = new ArrayList<>();
        float currentQ = Float.NaN;
        for (Binding binding : sorted) {
            if (groups.isEmpty() || binding.q() != currentQ) {
                groups.add(new ArrayList<>());
                currentQ = binding.q();
            }
            groups.get(groups.size() - 1).add(new Target(UriParser.parse(binding.contactUri()), null,
                    binding.path()));
        }
        return groups;
    }

    /** The next matching iFC from {@code from} on, as a forward to its AS with a Route back here; else null. */
    private RoutingDecision applicationServer(SipRequest request, Registration registration, String servedUser,
                                              SessionCase sessionCase, int from) {
        ServiceProfile profile = registration.profileOf(servedUser);
        if (profile == null) {
            return null;
        }
        List<InitialFilterCriteria> criteria = profile.filterCriteria();
        int match = matcher.firstMatch(criteria, from, request, sessionCase, true);
        if (match < 0) {
            return null;
        }
        String caseName = sessionCase == SessionCase.ORIGINATING ? "orig" : "term";
        String token = isc.put(new IscContext(servedUser, sessionCase, match + 1, clock.millis()));
        if (token == null) {
            return new RoutingDecision.Respond(503, "Service Unavailable", "too many sessions at application servers");
        }
        ApplicationServer server = criteria.get(match).applicationServer();
        Target toAs = new Target(request.requestUri(), null,
                List.of("<" + server.serverName() + ";lr>", settings.returnRoute(caseName, token)));
        if (server.defaultHandling() != DefaultHandling.SESSION_CONTINUED) {
            return new RoutingDecision.Forward(List.of(List.of(toAs)));
        }
        // TS 24.229 §5.4.3.2 step 4 / TS 23.218 §6.4: an AS that does not answer (408) or fails (5xx) is skipped;
        // the request comes back here as if the AS had returned it, and evaluation goes on after its iFC.
        String skip = isc.put(new IscContext(servedUser, sessionCase, match + 1, clock.millis()));
        Target withoutAs = new Target(request.requestUri(), null, List.of(settings.returnRoute(caseName, skip)));
        return new RoutingDecision.Forward(List.of(List.of(toAs), List.of(withoutAs)))
                .withTryNextGroup(code -> code == 408 || code >= 500);
    }

    /**
     * A reg-event SUBSCRIBE is ours to answer when it is not passing through to another element: an initial one
     * for an identity registered here (TS 24.229 §5.4.2.1.1), or a refresh addressed to this S-CSCF.
     */
    private boolean isForUs(ProxyRequest request) {
        if (request.fixedTarget() != null) {
            return false;
        }
        String impu = Identities.publicIdentity(request.routed().requestUri());
        return request.inDialog() || (impu != null && table.find(impu).isPresent());
    }

    private static String assertedIdentity(SipRequest request) {
        List<NameAddress> asserted = request.nameAddresses(SipHeaderName.P_ASSERTED_IDENTITY);
        for (NameAddress identity : asserted) {
            String canonical = Identities.publicIdentity(identity.uri());
            if (canonical != null) {
                return canonical;
            }
        }
        return null;
    }

    private boolean isHome(Uri uri) {
        if (uri instanceof TelUri) {
            return true;
        }
        return uri instanceof SipUri sip && sip.host().equalsIgnoreCase(settings.homeDomain());
    }

    /** Periodic housekeeping: expired contacts and ISC contexts. */
    public void expire() {
        registrar.expire();
        notifier.expire();
        isc.expire(clock.millis());
    }
}
