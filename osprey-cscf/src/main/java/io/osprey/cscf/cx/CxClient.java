package io.osprey.cscf.cx;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.AvpData;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.peer.DiameterRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Typed Cx client (TS 29.228 §6, TS 29.229 §6.1) for I-CSCF and S-CSCF over a {@link DiameterNode} the caller
 * configured with the Cx application ({@link CxDictionary#APPLICATION}). Every request carries Session-Id,
 * Vendor-Specific-Application-Id {10415, 16777216}, Auth-Session-State NO_STATE_MAINTAINED, Origin-Host,
 * Origin-Realm and Destination-Realm. A returned future completes with the typed answer whatever its result: a
 * 3xxx or 5xxx answer is a {@link CxResult}, not an exception. It fails with the node's exception when no answer
 * comes: a {@link io.osprey.diameter.peer.DiameterTimeoutException}, or a {@link DiameterRequestException} (3003
 * for a realm without route, 3002 when no HSS connection is open); and with a {@link CxProtocolException} for an
 * answer without a result. Futures complete on the node's I/O thread, so their dependants must not block.
 *
 * <p>Requests waiting for their answers are bounded ({@link #maxOutstanding()}): past the bound a new request fails
 * at once with a {@link CxOverloadException} instead of queueing towards an HSS that already lags, so the CSCF can
 * answer 503 with Retry-After (RFC 3261 §21.5.4) while it still has time to.
 */
public final class CxClient {

    private static final long APPLICATION_ID = CxDictionary.APPLICATION.id();
    /** Originating-Request (TS 29.229 §6.3.32): the only value, ORIGINATING. */
    private static final int ORIGINATING = 0;
    private static final int USER_DATA_NOT_AVAILABLE = 0;
    private static final int USER_DATA_ALREADY_AVAILABLE = 1;
    /** SIP-Authentication-Scheme that lets the HSS choose (TS 29.228 §6.3.1). */
    private static final String UNKNOWN_SCHEME = "Unknown";

    /** Default bound on requests waiting for answers: about a second of a busy HSS's work. */
    public static final int DEFAULT_MAX_OUTSTANDING = 1024;

    private final DiameterNode node;
    private final String destinationRealm;
    private final int maxOutstanding;
    private final AtomicInteger outstanding = new AtomicInteger();

    public CxClient(DiameterNode node, String destinationRealm) {
        this(node, destinationRealm, DEFAULT_MAX_OUTSTANDING);
    }

    /** @param maxOutstanding the most requests waiting for answers; more fail with {@link CxOverloadException} */
    public CxClient(DiameterNode node, String destinationRealm, int maxOutstanding) {
        if (maxOutstanding < 1) {
            throw new IllegalArgumentException("maxOutstanding must be at least 1, was " + maxOutstanding);
        }
        this.maxOutstanding = maxOutstanding;
        this.node = Objects.requireNonNull(node, "node");
        if (!AvpData.isValidDiameterIdentity(destinationRealm)) {
            throw new IllegalArgumentException("destinationRealm must be an ASCII realm, was '" + destinationRealm
                    + "'");
        }
        if (!node.config().relay()
                && node.config().applications().stream().noneMatch(app -> app.id() == APPLICATION_ID)) {
            throw new IllegalArgumentException("node " + node.config().originHost()
                    + " is not configured with the Cx application " + APPLICATION_ID);
        }
        this.destinationRealm = destinationRealm;
    }

    /** UAR (TS 29.228 §6.1.1): may {@code impi} register {@code impu} from {@code visitedNetworkId}, and where. */
    public CompletableFuture<UserAuthorizationAnswer> userAuthorization(String impi, String impu,
                                                                        String visitedNetworkId,
                                                                        UserAuthorizationType type) {
        Objects.requireNonNull(visitedNetworkId, "visitedNetworkId");
        RequestBuilder request = request(CxDictionary.USER_AUTHORIZATION)
                .add(BaseDictionary.USER_NAME, Objects.requireNonNull(impi, "impi"))
                .add(CxDictionary.PUBLIC_IDENTITY, Objects.requireNonNull(impu, "impu"))
                .add(CxDictionary.VISITED_NETWORK_IDENTIFIER, visitedNetworkId.getBytes(StandardCharsets.UTF_8))
                .add(CxDictionary.USER_AUTHORIZATION_TYPE, Objects.requireNonNull(type, "type").value());
        return send(request, CxAnswers::userAuthorization);
    }

    /**
     * MAR (TS 29.228 §6.3.1): {@code numberOfItems} authentication vectors for {@code authScheme}
     * ({@code Digest-AKAv1-MD5}, {@code Digest-AKAv2-MD5}, {@code SIP Digest}, … or {@code Unknown}/null to let
     * the HSS choose). For resynchronisation (TS 33.203 §6.1.2) pass RAND ‖ AUTS as {@code sipAuthorizationOrNull}.
     */
    public CompletableFuture<MultimediaAuthAnswer> multimediaAuth(String impi, String impu, String authScheme,
                                                                  int numberOfItems, byte[] sipAuthorizationOrNull,
                                                                  String serverName) {
        if (numberOfItems < 1) {
            throw new IllegalArgumentException("numberOfItems must be at least 1, was " + numberOfItems);
        }
        String scheme = authScheme == null ? UNKNOWN_SCHEME : authScheme;
        Avp item = sipAuthorizationOrNull == null
                ? Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM, Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, scheme))
                : Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM, Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, scheme),
                        Avps.of(CxDictionary.SIP_AUTHORIZATION, sipAuthorizationOrNull));
        RequestBuilder request = request(CxDictionary.MULTIMEDIA_AUTH)
                .add(BaseDictionary.USER_NAME, Objects.requireNonNull(impi, "impi"))
                .add(CxDictionary.PUBLIC_IDENTITY, Objects.requireNonNull(impu, "impu"))
                .add(item)
                .add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, numberOfItems)
                .add(CxDictionary.SERVER_NAME, Objects.requireNonNull(serverName, "serverName"));
        return send(request, CxAnswers::multimediaAuth);
    }

    /**
     * SAR (TS 29.228 §6.1.2): tells the HSS what {@code serverName} does for {@code impu}; {@code impiOrNull} may be
     * null, e.g. for UNREGISTERED_USER. With {@code userDataAlreadyAvailable} the HSS may omit User-Data.
     */
    public CompletableFuture<ServerAssignmentAnswer> serverAssignment(String impiOrNull, String impu, String serverName,
                                                                      ServerAssignmentType type,
                                                                      boolean userDataAlreadyAvailable) {
        RequestBuilder request = request(CxDictionary.SERVER_ASSIGNMENT);
        if (impiOrNull != null) {
            request.add(BaseDictionary.USER_NAME, impiOrNull);
        }
        request.add(CxDictionary.PUBLIC_IDENTITY, Objects.requireNonNull(impu, "impu"))
                .add(CxDictionary.SERVER_NAME, Objects.requireNonNull(serverName, "serverName"))
                .add(CxDictionary.SERVER_ASSIGNMENT_TYPE, Objects.requireNonNull(type, "type").value())
                .add(CxDictionary.USER_DATA_ALREADY_AVAILABLE,
                        userDataAlreadyAvailable ? USER_DATA_ALREADY_AVAILABLE : USER_DATA_NOT_AVAILABLE);
        return send(request, CxAnswers::serverAssignment);
    }

    /**
     * LIR (TS 29.228 §6.2.1): which S-CSCF serves {@code impu}; with {@code originatingRequest} the request carries
     * Originating-Request, so the HSS names an S-CSCF for an unregistered user's originating session.
     */
    public CompletableFuture<LocationInfoAnswer> locationInfo(String impu, boolean originatingRequest) {
        RequestBuilder request = request(CxDictionary.LOCATION_INFO);
        if (originatingRequest) {
            request.add(CxDictionary.ORIGINATING_REQUEST, ORIGINATING);
        }
        request.add(CxDictionary.PUBLIC_IDENTITY, Objects.requireNonNull(impu, "impu"));
        return send(request, CxAnswers::locationInfo);
    }

    /**
     * Installs the handler for HSS-initiated RTR (TS 29.228 §6.1.3) and registers it on the node (command 304).
     * The handler runs on the node's I/O thread and must not block; its stage yields the RTA's result code:
     * 5001–5009 and 5011 are sent as Cx Experimental-Result-Codes, any other code (2001 DIAMETER_SUCCESS, 5012
     * …) as Result-Code. A failed stage or null code answers 5012. Registers once per node.
     */
    public void onRegistrationTermination(Function<RegistrationTermination, CompletionStage<Integer>> handler) {
        node.register(APPLICATION_ID, CxDictionary.REGISTRATION_TERMINATION.code(),
                CxNotifications.handler(node.identity(), CxNotifications::registrationTermination, handler));
    }

    /** As {@link #onRegistrationTermination}, for PPR (TS 29.228 §6.1.4, command 305). */
    public void onPushProfile(Function<PushProfile, CompletionStage<Integer>> handler) {
        node.register(APPLICATION_ID, CxDictionary.PUSH_PROFILE.code(),
                CxNotifications.handler(node.identity(), CxNotifications::pushProfile, handler));
    }

    /** The realm requests go to (Destination-Realm): the HSS's. */
    public String destinationRealm() {
        return destinationRealm;
    }

    /** Requests sent and not yet answered, failed or timed out. */
    public int outstanding() {
        return outstanding.get();
    }

    public int maxOutstanding() {
        return maxOutstanding;
    }

    private RequestBuilder request(CommandDefinition command) {
        return DiameterMessage.request(command, node.identity()).destinationRealm(destinationRealm);
    }

    private <T> CompletableFuture<T> send(RequestBuilder request, Function<DiameterMessage, T> reader) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (outstanding.incrementAndGet() > maxOutstanding) {
            outstanding.decrementAndGet();
            result.completeExceptionally(new CxOverloadException(maxOutstanding, destinationRealm));
            return result;
        }
        CompletableFuture<DiameterMessage> sent;
        try {
            sent = node.send(request.build());
        } catch (RuntimeException e) {
            outstanding.decrementAndGet();
            throw e;
        }
        sent.whenComplete((answer, failure) -> {
            outstanding.decrementAndGet();
            if (failure != null) {
                result.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
                return;
            }
            if (answeredLocally(answer)) {
                result.completeExceptionally(new DiameterRequestException(ResultCodes.DIAMETER_UNABLE_TO_DELIVER,
                        "no HSS of realm " + destinationRealm + " is available; " + node.config().originHost()
                                + " answered the request itself with " + answer.result().orElse(null)));
                return;
            }
            try {
                result.complete(reader.apply(answer));
            } catch (CxProtocolException e) {
                result.completeExceptionally(e);
            } catch (RuntimeException e) {
                result.completeExceptionally(new CxProtocolException("cannot read " + answer + ": " + e, e));
            }
        });
        return result;
    }

    /**
     * A protocol error from this node itself: with no HSS connection open, the router hands a request for the
     * node's own realm to the local dispatcher, which serves no UAR/SAR/LIR/MAR and answers 3001.
     */
    private boolean answeredLocally(DiameterMessage answer) {
        return answer.isError() && node.config().originHost()
                .equalsIgnoreCase(AvpValues.text(answer.avp(BaseDictionary.ORIGIN_HOST)));
    }
}
