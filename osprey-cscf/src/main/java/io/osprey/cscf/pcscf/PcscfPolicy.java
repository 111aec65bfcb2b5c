package io.osprey.cscf.pcscf;

import io.osprey.cscf.sip.Identities;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.ProxyPolicy;
import io.osprey.sip.proxy.ProxyRequest;
import io.osprey.sip.proxy.ResponseRewriter;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.proxy.Target;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.Source;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The P-CSCF (TS 24.229 §5.2), the UE's first hop:
 * <ul>
 *   <li>REGISTER goes to the I-CSCF with Path (RFC 3327), P-Visited-Network-ID and a P-Charging-Vector; the 401 going
 *       back loses its {@code ck} and {@code ik} (§5.2.2.1), the 200 teaches the P-CSCF the UE's identities and
 *       Service-Route;</li>
 *   <li>an initial request from a UE follows the Service-Route with a P-Asserted-Identity the P-CSCF chose
 *       (the P-Preferred-Identity when the UE may use it, else its default identity; a UE-supplied assertion is
 *       replaced, §5.2.6.3.1); from an address without registration it is refused with 403;</li>
 *   <li>emergency URNs go to the emergency route or are answered 380 with an alternative service (§5.2.10);</li>
 *   <li>requests towards a UE (terminating ones, and in-dialog ones with no Route left) go to the address it
 *       registered from, found by the contact or its {@code user@host:port} alias, never to a private address its
 *       contact names (NAT traversal: RFC 3581, TS 24.229 Annex F);</li>
 *   <li>Security-Client, Security-Server and Security-Verify (RFC 3329) are handled by {@link SecAgreeHandler}
 *       and never forwarded.</li>
 * </ul>
 */
public final class PcscfPolicy implements ProxyPolicy {

    /** Fresh reg-event SUBSCRIBEs for restored registrations sent per {@link #housekeeping()} call at most. */
    public static final int RESUBSCRIBE_BATCH = RestoredSubscriptions.PER_TICK;

    private final PcscfSettings settings;
    private final UeRegistrations registrations = new UeRegistrations();
    private final PcscfRegSubscriber subscriber;
    private final RestoredSubscriptions restored = new RestoredSubscriptions();
    private final SecAgreeHandler secAgree;
    private final Supplier<String> icids;
    private final Clock clock;

    /** @param icids a source of unique IMS charging identifiers (RFC 7315 §4.6) */
    public PcscfPolicy(PcscfSettings settings, Supplier<String> icids, Clock clock) {
        this.settings = settings;
        this.icids = icids;
        this.clock = clock;
        this.subscriber = new PcscfRegSubscriber(settings, registrations);
        this.secAgree = new SecAgreeHandler(settings);
    }

    /** The Proxy-Require option tags the P-CSCF's SIP stack must accept: {@code sec-agree} when it is configured. */
    public Set<String> proxyRequireTags() {
        return secAgree.proxyRequireTags();
    }

    /** Lets the P-CSCF send its own reg-event SUBSCRIBEs once its SIP stack runs. */
    public void bind(TransactionLayer transactionLayer, NextHops nextHops) {
        subscriber.bind(transactionLayer, nextHops);
    }

    @Override
    public RoutingDecision route(ProxyRequest request) {
        SipRequest routed = request.routed();
        long now = clock.millis();
        if (subscriber.isOurNotify(routed)) {
            return subscriber.onNotify(routed);
        }
        boolean terminating = isTerminating(request);
        if (terminating || (request.inDialog() && routed.routes().isEmpty())) {
            UeRegistration callee = registrations.forTarget(routed.requestUri(), now);
            if (callee != null) {
                return RoutingDecision.Forward.to(new Target(routed.requestUri(), callee.source().asHop()),
                        TrustDomain.towardsUe(routed));
            }
        }
        UeRegistration sender = terminating ? null : registrations.fromSource(request.source(), now);
        if (sender != null && !"REGISTER".equals(routed.method())) {
            RoutingDecision refusal = secAgree.checkFromUe(routed, sender.secAgreeKey(), now);
            if (refusal != null) {
                return refusal;
            }
        }
        if (request.inDialog()) {
            RoutingDecision.Forward fixed = request.fixedRoute();
            return fixed != null ? fixed.withRequest(SecAgreeHeaders.strip(routed)).withResponses(TrustDomain::towardsUe)
                    : new RoutingDecision.Respond(481, "Call/Transaction Does Not Exist", "no dialog here");
        }
        if (terminating) {
            // Not in this P-CSCF's cache (it restarted, or the registration passed another P-CSCF instance): the
            // S-CSCF vouches for the contact, so it is tried at the address it names.
            return RoutingDecision.Forward.to(new Target(routed.requestUri(), null), TrustDomain.towardsUe(routed));
        }
        if ("REGISTER".equals(routed.method())) {
            return register(routed, request.source());
        }
        if (sender == null && SecAgreeHeaders.requiresSecAgree(routed) && !"ACK".equals(routed.method())) {
            RoutingDecision refusal = secAgree.checkFromUe(routed, null, now);
            if (refusal != null) {
                return refusal;
            }
        }
        if (EmergencyCalls.isEmergency(routed.requestUri())) {
            return EmergencyCalls.route(SecAgreeHeaders.strip(routed), settings);
        }
        return originating(SecAgreeHeaders.strip(routed), sender);
    }

    /**
     * The hop a request for {@code target} would be sent to because a UE registered through this P-CSCF with that
     * contact (or its {@code user@host:port} alias): the address the UE registered from. Null when no live
     * registration has it, and the request would go wherever the URI itself names.
     */
    public Hop terminatingHop(Uri target) {
        UeRegistration registration = registrations.forTarget(target, clock.millis());
        return registration == null ? null : registration.source().asHop();
    }

    private static boolean isTerminating(ProxyRequest request) {
        return !request.ownRoutes().isEmpty() && request.ownRoutes().get(0).uri() instanceof SipUri own
                && "term".equals(own.user());
    }

    private RoutingDecision register(SipRequest register, Source ue) {
        long now = clock.millis();
        SecAgreeHandler.Checked checked = secAgree.checkRegister(register, now);
        if (checked.refusal() != null) {
            return checked.refusal();
        }
        SecAgreeHandler.RegisterSecurity security = checked.security();
        SipRequest.Builder forwarded = SecAgreeHeaders.strip(register).toBuilder()
                .remove("P-Asserted-Identity")
                .remove("P-Charging-Vector")
                .addFirst("Path", settings.path())
                .set("P-Visited-Network-ID", settings.visitedNetworkId())
                .set("P-Charging-Vector", chargingVector());
        List<NameAddress> contacts = register.contacts();
        return new RoutingDecision.Forward(List.of(List.of(new Target(register.requestUri(), null,
                List.of("<" + settings.icscfUri() + ";lr>")))))
                .withRequest(forwarded.build())
                .withResponses(ResponseRewriter.passingOverload(
                        response -> onRegisterResponse(response, contacts, ue, security)));
    }

    private SipResponse onRegisterResponse(SipResponse response, List<NameAddress> requested, Source ue,
                                           SecAgreeHandler.RegisterSecurity security) {
        int code = response.statusCode();
        if (code == 401) {
            return TrustDomain.towardsUe(secAgree.on401(RegisterResponses.withoutKeys(response), security,
                    clock.millis()));
        }
        if (code == 200) {
            boolean agreed = security.verified() != null || !security.client().isEmpty();
            UeRegistration learnt = RegisterResponses.registration(response, requested, ue, clock.millis(),
                    agreed ? security.key() : null);
            if (learnt == null) {
                registrations.remove(ue);
            } else {
                registrations.put(learnt);
                subscriber.subscribe(learnt);
            }
            secAgree.on200(security, learnt);
        }
        return TrustDomain.towardsUe(response);
    }

    /** TS 24.229 §5.2.6.3.1: assert an identity the UE registered, follow its Service-Route. */
    private RoutingDecision originating(SipRequest request, UeRegistration registration) {
        if (registration == null) {
            return new RoutingDecision.Respond(403, "Forbidden", "not registered: REGISTER first from this address");
        }
        String asserted = assertedIdentity(request, registration);
        SipRequest.Builder forwarded = request.toBuilder()
                .remove("P-Preferred-Identity")
                .remove("P-Asserted-Identity")
                .remove("Route")
                .add("P-Asserted-Identity", "<" + asserted + ">")
                .set("P-Charging-Vector", chargingVector());
        for (String route : registration.serviceRoute()) {
            forwarded.add("Route", route);
        }
        // Every originating request goes into the home network: its 503 would meet any other request too
        return RoutingDecision.Forward.to(new Target(request.requestUri(), null), forwarded.build())
                .withResponses(ResponseRewriter.passingOverload(TrustDomain::towardsUe));
    }

    /** The P-Preferred-Identity when it is one of the UE's associated URIs, else the default (first) one. */
    private static String assertedIdentity(SipRequest request, UeRegistration registration) {
        for (NameAddress preferred : request.nameAddresses(SipHeaderName.P_PREFERRED_IDENTITY)) {
            String wanted = Identities.publicIdentity(preferred.uri());
            for (String associated : registration.associatedUris()) {
                if (wanted != null && wanted.equals(Identities.publicIdentity(associated))) {
                    return associated;
                }
            }
        }
        return registration.associatedUris().get(0);
    }

    private String chargingVector() {
        return "icid-value=" + icids.get() + ";icid-generated-at=" + settings.host();
    }

    /** Drops registrations past their expiry. */
    public void expire() {
        long now = clock.millis();
        registrations.expire(now);
        secAgree.expire(now);
    }

    /**
     * The once-a-second housekeeping: {@link #expire()}, then the next batch of fresh reg-event SUBSCRIBEs for
     * registrations restored by {@link #restoreRegistrations} (once {@link #bind} has run).
     */
    public void housekeeping() {
        expire();
        if (subscriber.bound()) {
            restored.release(registrations, clock.millis(), subscriber::subscribe);
        }
    }

    /**
     * Writes the registration cache to {@code file} for {@link #restoreRegistrations} after a restart (the format
     * and what is left out: {@link UeRegistrationSnapshot}).
     *
     * @return how many registrations were written
     */
    public int saveRegistrations(Path file) throws IOException {
        return UeRegistrationSnapshot.save(registrations.all(), file, clock.millis());
    }

    /**
     * Fills the registration cache from a file {@link #saveRegistrations} wrote, so UEs still registered are served
     * at once after a restart (TS 24.229 §5.2.6.3.1), and queues a fresh reg-event subscription for each (TS 24.229
     * §5.2.3), sent from {@link #housekeeping()} a batch at a time. Expired and malformed entries are skipped (and
     * logged); a missing file restores nothing. Call before the SIP stack serves requests.
     *
     * @return how many registrations were restored
     * @throws IOException when the file exists but cannot be read
     */
    public int restoreRegistrations(Path file) throws IOException {
        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(file, clock.millis());
        for (UeRegistration registration : loaded.registrations()) {
            registrations.put(registration);
        }
        restored.add(loaded.registrations());
        return loaded.registrations().size();
    }

    /** Number of reg-event subscriptions of this P-CSCF, set up or being set up. */
    public int regEventSubscriptions() {
        return subscriber.size();
    }

    /** Number of restored registrations still waiting for their fresh reg-event subscription. */
    public int restoredAwaitingSubscription() {
        return restored.waiting();
    }

    /** Number of UEs registered through this P-CSCF. */
    public int registeredUes() {
        return registrations.size();
    }
}
