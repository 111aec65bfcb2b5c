package io.osprey.cscf.scscf;

import io.osprey.aka.AkaAlgorithm;
import io.osprey.aka.AkaNonce;
import io.osprey.cscf.cx.CxClient;
import io.osprey.cscf.cx.MultimediaAuthAnswer;
import io.osprey.cscf.cx.ServerAssignmentAnswer;
import io.osprey.cscf.cx.ServerAssignmentType;
import io.osprey.cscf.cx.SipAuthDataItem;
import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.registrar.RegistrationEvents;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.sip.HssTrouble;
import io.osprey.cscf.sip.Identities;
import io.osprey.sip.auth.DigestAlgorithm;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.auth.DigestSecret;
import io.osprey.sip.auth.DigestVerification;
import io.osprey.sip.auth.DigestVerifier;
import io.osprey.sip.auth.NonceManager;
import io.osprey.sip.auth.Qop;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.regevent.ContactEvent;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The S-CSCF as registrar (TS 24.229 §5.4.1.2): a REGISTER without a valid answer to a pending challenge gets a
 * MAR to the HSS and a 401 (AKAv1-MD5, AKAv2-MD5 or digest, as the HSS's vector says; an {@code auts} starts a
 * resynchronisation, TS 33.203 §6.1.2); a correct answer gets a SAR and a 200 with the contacts, Path, Service-Route
 * (RFC 3608) and P-Associated-URI (RFC 7315 §4.1); Expires 0 removes contacts and, with the last one, the
 * registration (SAR user deregistration).
 *
 * <pre>
 *   UE/P/I ──REGISTER──▶ S ──MAR──▶ HSS        UE/P/I ──REGISTER+response──▶ S ──SAR──▶ HSS
 *          ◀──401─────── S ◀─MAA───             ◀──200 (Service-Route, P-Associated-URI)── S ◀─SAA──
 * </pre>
 */
public final class ScscfRegistrar {

    private static final Logger LOG = LoggerFactory.getLogger(ScscfRegistrar.class);
    private static final Set<DigestAlgorithm> ALGORITHMS = EnumSet.of(DigestAlgorithm.AKAV1_MD5,
            DigestAlgorithm.AKAV2_MD5, DigestAlgorithm.MD5, DigestAlgorithm.SHA_256);

    private final ScscfSettings settings;
    private final CxClient cx;
    private final RegistrationTable table;
    private final RegistrationEvents events;
    private final Clock clock;
    private final NonceManager nonces;
    private final PendingChallenges challenges;
    private final ScscfResponses responses;
    private final HssTrouble hssTrouble;

    public ScscfRegistrar(ScscfSettings settings, CxClient cx, RegistrationTable table, RegistrationEvents events,
                          Clock clock) {
        this.settings = settings;
        this.cx = cx;
        this.table = table;
        this.events = events;
        this.clock = clock;
        this.nonces = NonceManager.create(settings.challengeLifetime(), 1 << 16);
        this.challenges = new PendingChallenges(settings.challengeLifetime().toMillis(), 1 << 16);
        this.responses = new ScscfResponses(settings);
        this.hssTrouble = new HssTrouble(settings.host(), settings.retryAfter());
    }

    /** Decides a REGISTER; the stage completes on a Diameter thread with the response to send. */
    public CompletionStage<RoutingDecision> register(SipRequest register) {
        NameAddress to = register.to();
        String impu = to == null ? null : Identities.publicIdentity(to.uri());
        if (impu == null) {
            return answer(responses.reject(register, 400, "Bad Request", "To must carry a public user identity"));
        }
        RegisterRequest request;
        try {
            request = RegisterRequest.of(register, impu, settings);
        } catch (IllegalArgumentException bad) {
            return answer(responses.reject(register, 400, "Bad Request", bad.getMessage()));
        }
        if (request.tooBrief()) {
            return answer(SipResponse.forRequest(register, 423, "Interval Too Brief").toTag(ScscfResponses.newTag())
                    .add("Min-Expires", Long.toString(settings.minExpires().toSeconds())).build());
        }
        DigestCredentials credentials = request.credentials();
        long now = clock.millis();
        if (credentials != null && credentials.nonce() != null && !credentials.nonce().isEmpty()) {
            PendingChallenge pending = challenges.find(request.impi(), credentials.nonce(), now);
            if (pending != null && credentials.value("auts") != null) {
                challenges.take(request.impi(), credentials.nonce());
                return resynchronise(request, pending, credentials.value("auts"));
            }
            if (pending != null && credentials.response() != null && !credentials.response().isEmpty()) {
                return verify(request, pending, credentials);
            }
        }
        return challenge(request, null);
    }

    private CompletionStage<RoutingDecision> challenge(RegisterRequest request, byte[] sipAuthorization) {
        return cx.multimediaAuth(request.impi(), request.impu(), request.requestedScheme(), 1, sipAuthorization,
                        settings.serverName())
                .<RoutingDecision>thenApply(maa -> {
                    if (HssTrouble.isBusy(maa.result())) {
                        return hssTrouble.busy(request.register(), "MAR", cx.destinationRealm());
                    }
                    if (!maa.result().isSuccess() || maa.items().isEmpty()) {
                        return new RoutingDecision.Answer(responses.forMarFailure(request.register(), maa));
                    }
                    return new RoutingDecision.Answer(challengeFor(request, maa.items().get(0)));
                })
                .exceptionally(failure -> hssTrouble.failed(request.register(), "MAR", cx.destinationRealm(),
                        failure));
    }

    private SipResponse challengeFor(RegisterRequest request, SipAuthDataItem item) {
        long now = clock.millis();
        String scheme = item.scheme() == null ? "" : item.scheme();
        if (scheme.contains("AKA")) {
            AkaAlgorithm aka = scheme.contains("AKAv2") ? AkaAlgorithm.AKA_V2_MD5 : AkaAlgorithm.AKA_V1_MD5;
            byte[] rand = java.util.Arrays.copyOfRange(item.authenticate(), 0, 16);
            byte[] autn = java.util.Arrays.copyOfRange(item.authenticate(), 16, item.authenticate().length);
            String nonce = new AkaNonce(rand, autn, new byte[0]).encode();
            nonces.register(nonce);
            byte[] password = aka.password(item.authorization(), item.integrityKey(), item.confidentialityKey());
            DigestAlgorithm algorithm = aka == AkaAlgorithm.AKA_V2_MD5 ? DigestAlgorithm.AKAV2_MD5
                    : DigestAlgorithm.AKAV1_MD5;
            challenges.add(new PendingChallenge(request.impi(), nonce, algorithm, DigestSecret.password(password),
                    rand, now));
            HexFormat hex = HexFormat.of();
            String header = "Digest realm=\"" + settings.homeDomain() + "\", nonce=\"" + nonce + "\", algorithm="
                    + algorithm.token() + ", qop=\"auth\", ck=\"" + hex.formatHex(item.confidentialityKey())
                    + "\", ik=\"" + hex.formatHex(item.integrityKey()) + "\"";
            return responses.challenge(request.register(), header);
        }
        String realm = item.digestRealm() != null ? item.digestRealm() : settings.homeDomain();
        DigestAlgorithm algorithm = "SHA-256".equalsIgnoreCase(item.digestAlgorithm()) ? DigestAlgorithm.SHA_256
                : DigestAlgorithm.MD5;
        String nonce = nonces.issue();
        challenges.add(new PendingChallenge(request.impi(), nonce, algorithm, DigestSecret.ha1(item.digestHa1()),
                null, now));
        String header = "Digest realm=\"" + realm + "\", nonce=\"" + nonce + "\", algorithm=" + algorithm.token()
                + ", qop=\"auth\"";
        return responses.challenge(request.register(), header);
    }

    /** TS 33.203 §6.1.2: the UE found the SQN out of range; the HSS resynchronises from RAND ‖ AUTS. */
    private CompletionStage<RoutingDecision> resynchronise(RegisterRequest request, PendingChallenge pending,
                                                           String auts) {
        byte[] autsBytes;
        try {
            autsBytes = Base64.getDecoder().decode(auts);
        } catch (IllegalArgumentException e) {
            return answer(responses.reject(request.register(), 400, "Bad Request", "auts is not base64"));
        }
        if (!pending.isAka() || pending.rand() == null || autsBytes.length != 14) {
            return answer(responses.reject(request.register(), 400, "Bad Request",
                    "auts must be 14 octets answering an AKA challenge"));
        }
        byte[] randAuts = new byte[30];
        System.arraycopy(pending.rand(), 0, randAuts, 0, 16);
        System.arraycopy(autsBytes, 0, randAuts, 16, 14);
        return challenge(request, randAuts);
    }

    private CompletionStage<RoutingDecision> verify(RegisterRequest request, PendingChallenge pending,
                                                    DigestCredentials credentials) {
        String realm = credentials.realm() == null ? settings.homeDomain() : credentials.realm();
        DigestVerifier verifier = new DigestVerifier(realm, nonces, ALGORITHMS, EnumSet.of(Qop.AUTH));
        DigestVerification verification = verifier.verify(credentials, "REGISTER", request.register().bodyBytes(),
                pending.secret());
        challenges.take(request.impi(), pending.nonce());
        if (!verification.isOk()) {
            LOG.info("authentication of {} failed: {}", request.impi(), verification.result());
            return answer(responses.reject(request.register(), 403, "Forbidden", "authentication failed"));
        }
        return assign(request);
    }

    /** Authenticated: SAR, then the binding change and the 200. */
    private CompletionStage<RoutingDecision> assign(RegisterRequest request) {
        Registration existing = table.find(request.impu()).orElse(null);
        long now = clock.millis();
        if (request.removesEverything(existing, now)) {
            return deregister(request, existing, ServerAssignmentType.USER_DEREGISTRATION);
        }
        ServerAssignmentType type = existing == null ? ServerAssignmentType.REGISTRATION
                : ServerAssignmentType.RE_REGISTRATION;
        return cx.serverAssignment(request.impi(), request.impu(), settings.serverName(), type, existing != null)
                .<RoutingDecision>thenApply(saa -> {
                    if (HssTrouble.isBusy(saa.result())) {
                        return hssTrouble.busy(request.register(), "SAR", cx.destinationRealm());
                    }
                    if (!saa.result().isSuccess()) {
                        return new RoutingDecision.Answer(responses.forSarFailure(request.register(), saa));
                    }
                    Registration base;
                    try {
                        base = RegistrationFactory.fromAssignment(request.impi(), request.impu(), saa, existing);
                    } catch (RuntimeException bad) {
                        LOG.warn("user data for {} unusable: {}", request.impu(), bad.getMessage());
                        return new RoutingDecision.Answer(responses.reject(request.register(), 500,
                                "Server Internal Error", "user data from the HSS is unusable"));
                    }
                    if (base.associatedUris().isEmpty()) {
                        return new RoutingDecision.Answer(responses.reject(request.register(), 403, "Forbidden",
                                "public identity is barred"));
                    }
                    Registration after = table.update(request.impu(), before -> request.applyTo(
                            before == null ? base.withBindings(List.of()) : refresh(before, base), now));
                    events.changed(existing, after, request.impu(), ContactEvent.UNREGISTERED);
                    return new RoutingDecision.Answer(responses.ok(request.register(), after, now));
                })
                .exceptionally(failure -> hssTrouble.failed(request.register(), "SAR", cx.destinationRealm(),
                        failure));
    }

    /** Keeps the contacts of a registration while taking the set and profile from a fresh SAA. */
    private static Registration refresh(Registration before, Registration fromHss) {
        return new Registration(fromHss.impi(), fromHss.registeredImpu(), fromHss.implicitSet(),
                fromHss.associatedUris(), before.bindings(), fromHss.subscription(), fromHss.ccf());
    }

    private CompletionStage<RoutingDecision> deregister(RegisterRequest request, Registration existing,
                                                        ServerAssignmentType type) {
        table.update(request.impu(), before -> null);
        events.changed(existing, null, request.impu(), ContactEvent.UNREGISTERED);
        CompletableFuture<RoutingDecision> done = new CompletableFuture<>();
        cx.serverAssignment(request.impi(), request.impu(), settings.serverName(), type, true)
                .whenComplete((saa, failure) -> {
                    if (failure != null) {
                        LOG.warn("SAR {} for {} failed: {}", type, request.impu(), failure.toString());
                    }
                    done.complete(new RoutingDecision.Answer(responses.ok(request.register(), null, clock.millis())));
                });
        return done;
    }

    /** Removes bindings past their expiry; a registration left without contacts is ended with a timeout SAR. */
    public void expire() {
        long now = clock.millis();
        for (Registration registration : table.all()) {
            List<Binding> live = registration.liveBindings(now);
            if (live.size() == registration.bindings().size()) {
                continue;
            }
            Registration after = table.update(registration.registeredImpu(), current ->
                    current == null ? null : current.withBindings(current.liveBindings(now)));
            events.changed(registration, after, registration.registeredImpu(), ContactEvent.EXPIRED);
            if (after == null) {
                cx.serverAssignment(registration.impi(), registration.registeredImpu(), settings.serverName(),
                        ServerAssignmentType.TIMEOUT_DEREGISTRATION, true).whenComplete((saa, failure) -> {
                            if (failure != null) {
                                LOG.warn("timeout SAR for {} failed: {}", registration.registeredImpu(),
                                        failure.toString());
                            }
                        });
            }
        }
        challenges.expire(now);
    }

    /**
     * The HSS deregistered {@code impus} of {@code impi}, or all its identities when the list is empty (RTR,
     * TS 29.228 §6.1.3): drop them and tell the reg-event subscribers, each contact with {@code event}.
     */
    public void terminate(String impi, List<String> impus, ContactEvent event) {
        List<String> canonical = new java.util.ArrayList<>();
        if (impus.isEmpty()) {
            for (Registration registration : table.all()) {
                if (registration.impi().equalsIgnoreCase(impi)) {
                    canonical.add(registration.registeredImpu());
                }
            }
        } else {
            impus.forEach(impu -> canonical.add(Identities.publicIdentity(impu)));
        }
        for (String impu : canonical) {
            Registration before = table.find(impu).orElse(null);
            if (before != null) {
                table.update(impu, current -> null);
                events.changed(before, null, impu, event);
            }
        }
    }

    /**
     * The HSS pushed a changed profile (PPR, TS 29.228 §6.1.4): every registration of {@code impi} takes the new
     * user data, keeping its contacts. Returns false when this S-CSCF holds no registration of {@code impi}, or the
     * data is unusable (the PPA then says so).
     */
    public boolean pushProfile(String impi, String userDataXml) {
        boolean updated = false;
        for (Registration registration : table.all()) {
            if (!registration.impi().equalsIgnoreCase(impi)) {
                continue;
            }
            Registration fresh;
            try {
                fresh = RegistrationFactory.fromUserData(impi, registration.registeredImpu(), userDataXml,
                        registration.ccf());
            } catch (RuntimeException unusable) {
                LOG.warn("pushed profile for {} unusable: {}", impi, unusable.getMessage());
                return false;
            }
            Registration after = table.update(registration.registeredImpu(),
                    current -> current == null ? null : refresh(current, fresh));
            events.changed(registration, after, registration.registeredImpu(), ContactEvent.DEACTIVATED);
            updated = true;
        }
        return updated;
    }

    public RegistrationTable table() {
        return table;
    }

    private static CompletionStage<RoutingDecision> answer(SipResponse response) {
        return CompletableFuture.completedFuture(new RoutingDecision.Answer(response));
    }
}
