package io.osprey.hss.cx;

import io.osprey.aka.AuthenticationVector;
import io.osprey.aka.Resync;
import io.osprey.aka.ResyncOutcome;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.store.SubscriberStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multimedia-Auth (MAR/MAA, TS 29.228 §6.3.1; TS 29.229 §6.1.7–6.1.8) for the S-CSCF: checks the identities
 * (5001, 5002) and the requested scheme (5006), then answers SIP-Number-Auth-Items AKA vectors, each a
 * SIP-Auth-Data-Item {SIP-Item-Number, SIP-Authentication-Scheme, SIP-Authenticate = RAND ‖ AUTN,
 * SIP-Authorization = XRES, Confidentiality-Key, Integrity-Key}, or one SIP-Digest-Authenticate for digest.
 * A request whose item carries SIP-Authorization = RAND ‖ AUTS (30 octets) resynchronises the SQN first
 * (TS 33.102 §6.3.5). An AUTS whose MAC-S fails is answered 5006 AUTH_SCHEME_NOT_SUPPORTED, as Open5GS does:
 * TS 33.102 leaves the answer to operator policy and TS 29.229 names no better code. Each successful MAR
 * records the requesting S-CSCF as authenticating the identity (TS 29.228 §6.3.1, see {@link #recordPending}).
 * On SQLite, a re-authentication by the S-CSCF already serving the user takes its SQNs from a reservation in
 * memory and reaches no database (decision 0020), so it is answered on the Diameter event loop.
 */
final class MultimediaAuthHandler {

    private static final Logger LOG = LoggerFactory.getLogger(MultimediaAuthHandler.class);

    private final SubscriberStore store;
    private final CxServerConfig config;
    private final LocalIdentity local;
    private final ScscfReassignmentListener reassignments;

    MultimediaAuthHandler(SubscriberStore store, CxServerConfig config, LocalIdentity local,
                          ScscfReassignmentListener reassignments) {
        this.store = store;
        this.config = config;
        this.local = local;
        this.reassignments = reassignments;
    }

    /** What a MAR's transaction answers, and the identities it took from other S-CSCFs, by their S-CSCF. */
    private record Authorised(AnswerBuilder answer, Map<String, List<Impu>> reassigned) {
    }

    AnswerBuilder answer(DiameterMessage request) {
        Impi impi = CxRequests.impi(CxRequests.required(request, BaseDictionary.USER_NAME));
        PublicIdentityRecord identity = CxRequests.knownPublicIdentity(store,
                CxRequests.impu(CxRequests.required(request, CxDictionary.PUBLIC_IDENTITY)));
        CxRequests.requireAssociated(store, impi, identity);
        Avp item = CxRequests.required(request, CxDictionary.SIP_AUTH_DATA_ITEM);
        String serverName = CxRequests.serverName(request);
        Optional<AnswerBuilder> reserved = answerFromReservation(request, impi, identity, item, serverName);
        if (reserved.isPresent()) {
            return reserved.get();
        }
        // one store transaction for the credentials, the pending mark and the SQN reservation
        Authorised authorised = store.inTransaction(() -> answer(request, impi, identity, item, serverName));
        authorised.reassigned().forEach((previous, impus) -> tellReassigned(impi, impus, previous));
        return authorised.answer();
    }

    /** Tells the listener; its failure must not fail a MAR whose change is already stored. */
    private void tellReassigned(Impi impi, List<Impu> impus, String previousScscf) {
        try {
            reassignments.reassigned(impi, impus, previousScscf);
        } catch (RuntimeException e) {
            LOG.warn("re-assignment listener failed for {} (was at {})", impus, previousScscf, e);
        }
    }

    /**
     * A re-authentication with AKA answered from the SQNs the identity's last MAR reserved in memory, without a
     * database transaction (decision 0020): no AUTS, the requesting S-CSCF already serves the whole implicit set
     * with no authentication pending (so there is no pending mark to record, as the transaction would find), and
     * the reservation holds enough SQNs. Anything else is answered by the transaction.
     */
    private Optional<AnswerBuilder> answerFromReservation(DiameterMessage request, Impi impi,
                                                          PublicIdentityRecord identity, Avp item, String serverName) {
        if (item.avp(CxDictionary.SIP_AUTHORIZATION).isPresent()) {
            return Optional.empty();
        }
        ImpiCredentials credentials = store.authenticationCentre().reservedCredentials(impi).orElse(null);
        if (credentials == null) {
            return Optional.empty();
        }
        String requested = requestedScheme(item);
        AuthScheme scheme = AuthSchemeNames.choose(requested, credentials).orElse(null);
        if (scheme == null || !scheme.isAka() || !servedWithNothingPending(identity, serverName)) {
            return Optional.empty();
        }
        return store.authenticationCentre().reservedVectors(impi, requestedCount(request))
                .map(vectors -> akaAnswer(request, impi, identity.impu(), scheme, vectors));
    }

    /** Whether {@code serverName} serves every identity of the set with none pending: a MAR would change nothing. */
    private boolean servedWithNothingPending(PublicIdentityRecord identity, String serverName) {
        for (ImpuRegistration registration : store.identities().implicitSetRegistrations(identity)) {
            if (!registration.servingScscf().map(serverName::equals).orElse(false)
                    || registration.pendingScscf().isPresent()) {
                return false;
            }
        }
        return true;
    }

    private static String requestedScheme(Avp item) {
        return item.avp(CxDictionary.SIP_AUTHENTICATION_SCHEME).map(Avp::asUtf8).orElse(null);
    }

    private Authorised answer(DiameterMessage request, Impi impi, PublicIdentityRecord identity, Avp item,
                              String serverName) {
        Impu impu = identity.impu();
        String requested = requestedScheme(item);
        ImpiCredentials credentials = store.authenticationCentre().credentialsForUpdate(impi).orElseThrow(() ->
                new CxFailure(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN, "private identity " + impi + " is unknown"));
        AuthScheme scheme = AuthSchemeNames.choose(requested, credentials).orElseThrow(() -> new CxFailure(
                CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED,
                impi + " may not use scheme " + requested));
        if (!scheme.isAka()) {
            AnswerBuilder answer = successTo(request, impi, impu);
            Map<String, List<Impu>> reassigned = servedElsewhere(identity, serverName);
            recordPending(identity, serverName, true);
            DigestHa1 ha1 = DigestHa1.of(impi, credentials.digest().orElseThrow(), scheme, config.digestRealm());
            String schemeName = requested == null || requested.equalsIgnoreCase(AuthSchemeNames.UNKNOWN)
                    ? scheme.cxName() : requested;
            answer.add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, 1).add(Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM,
                    Avps.of(CxDictionary.SIP_ITEM_NUMBER, 1),
                    Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, schemeName),
                    Avps.of(CxDictionary.SIP_DIGEST_AUTHENTICATE,
                            Avps.of(CxDictionary.DIGEST_REALM, ha1.realm()),
                            Avps.of(CxDictionary.DIGEST_ALGORITHM, ha1.algorithm()),
                            Avps.of(CxDictionary.DIGEST_QOP, "auth"),
                            Avps.of(CxDictionary.DIGEST_HA1, ha1.hex().getBytes(StandardCharsets.US_ASCII)))));
            return new Authorised(answer, reassigned);
        }
        Avp auts = item.avp(CxDictionary.SIP_AUTHORIZATION).orElse(null);
        if (auts != null) {
            resynchronise(impi, auts);
        }
        Map<String, List<Impu>> reassigned = auts == null ? servedElsewhere(identity, serverName) : Map.of();
        recordPending(identity, serverName, auts == null);
        // a resynchronisation has just stored another SQN; otherwise the row read above is locked and current
        List<AuthenticationVector> vectors = auts != null
                ? store.authenticationCentre().nextVectors(impi, requestedCount(request))
                : store.authenticationCentre().nextVectors(credentials, requestedCount(request));
        return new Authorised(akaAnswer(request, impi, impu, scheme, vectors), reassigned);
    }

    /**
     * The identities of the implicit set another S-CSCF than {@code serverName} serves (REGISTERED or UNREGISTERED
     * there), by that S-CSCF: a MAR that takes the set over (see {@link #recordPending}) moves them.
     */
    private Map<String, List<Impu>> servedElsewhere(PublicIdentityRecord identity, String serverName) {
        Map<String, List<Impu>> elsewhere = new LinkedHashMap<>();
        for (ImpuRegistration registration : store.identities().implicitSetRegistrations(identity)) {
            registration.servingScscf().filter(serving -> !serving.equalsIgnoreCase(serverName))
                    .ifPresent(serving -> elsewhere.computeIfAbsent(serving, name -> new ArrayList<>())
                            .add(registration.impu()));
        }
        return elsewhere;
    }

    private AnswerBuilder successTo(DiameterMessage request, Impi impi, Impu impu) {
        return DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_SUCCESS)
                .add(BaseDictionary.USER_NAME, impi.value()).add(CxDictionary.PUBLIC_IDENTITY, impu.uri());
    }

    private AnswerBuilder akaAnswer(DiameterMessage request, Impi impi, Impu impu, AuthScheme scheme,
                                    List<AuthenticationVector> vectors) {
        AnswerBuilder answer = successTo(request, impi, impu);
        answer.add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, vectors.size());
        for (int i = 0; i < vectors.size(); i++) {
            AuthenticationVector vector = vectors.get(i);
            answer.add(Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM,
                    Avps.of(CxDictionary.SIP_ITEM_NUMBER, i + 1),
                    Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, scheme.cxName()),
                    Avps.of(CxDictionary.SIP_AUTHENTICATE, vector.sipAuthenticate()),
                    Avps.of(CxDictionary.SIP_AUTHORIZATION, vector.xres()),
                    Avps.of(CxDictionary.CONFIDENTIALITY_KEY, vector.ck()),
                    Avps.of(CxDictionary.INTEGRITY_KEY, vector.ik())));
        }
        return answer;
    }

    /**
     * TS 29.228 §6.3.1 step 5, after the identity, scheme and resynchronisation checks: the HSS notes that an
     * authentication is pending at the requesting S-CSCF, and that S-CSCF becomes the identity's S-CSCF name (so
     * a UAR during the authentication, and the SAR after it, find it). §8.1: a MAR naming another S-CSCF than the
     * one stored overwrites it, unless it carries an AUTS (a resynchronisation): a UE whose S-CSCF stopped
     * answering re-registers through another one (§8.1.1). The old S-CSCF is then told by the
     * {@link ScscfReassignmentListener} (an RTR with NEW_SERVER_ASSIGNED, TS 29.228 §6.1.3); if it cannot be
     * reached, the deregistration SARs it may send later no longer undo the new assignment
     * ({@link ServerAssignmentHandler}).
     */
    private void recordPending(PublicIdentityRecord identity, String serverName, boolean takeOver) {
        store.identities().recordAuthenticationPending(identity, serverName, takeOver);
    }

    private int requestedCount(DiameterMessage request) {
        long asked = request.avp(CxDictionary.SIP_NUMBER_AUTH_ITEMS).map(Avp::asUnsigned32).orElse(1L);
        return (int) Math.max(1, Math.min(asked, config.maxVectorsPerRequest()));
    }

    private void resynchronise(Impi impi, Avp sipAuthorization) {
        byte[] randAuts = sipAuthorization.asOctets();
        if (randAuts.length != Resync.SIP_AUTHORIZATION_LENGTH) {
            throw new CxFailure(ResultCodes.DIAMETER_INVALID_AVP_VALUE, "SIP-Authorization for resynchronisation"
                    + " must be RAND and AUTS, " + Resync.SIP_AUTHORIZATION_LENGTH + " octets, was "
                    + randAuts.length, sipAuthorization);
        }
        ResyncOutcome outcome = store.authenticationCentre().resynchronise(impi, randAuts);
        if (outcome instanceof ResyncOutcome.MacMismatch) {
            throw new CxFailure(CxResultCodes.DIAMETER_ERROR_AUTH_SCHEME_NOT_SUPPORTED,
                    "AUTS of " + impi + " failed MAC-S verification");
        }
    }
}
