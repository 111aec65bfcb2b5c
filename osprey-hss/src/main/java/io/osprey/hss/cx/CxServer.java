package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.RequestHandler;
import io.osprey.hss.store.NeedsDatabaseException;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSS side of Cx (TS 29.228 §6, TS 29.229; application 16777216, vendor 10415): serves UAR, SAR, LIR and
 * MAR on a {@link DiameterNode}. Store work runs on {@code executor} (virtual threads), never on the node's
 * I/O thread; a request that needs only what the store holds in memory is answered on the I/O thread
 * (decision 0017; for a MAR, decision 0020). A refused request is answered with its Experimental-Result or
 * Result-Code; a store outage with DIAMETER_TOO_BUSY so the client may try another HSS; any other failure with
 * DIAMETER_UNABLE_TO_COMPLY.
 */
public final class CxServer {

    private static final Logger LOG = LoggerFactory.getLogger(CxServer.class);

    private final SubscriberStore store;
    private final LongAdder answeredFromMemory = new LongAdder();
    private final LocalIdentity local;
    private final Executor executor;
    private final UserAuthorizationHandler userAuthorization;
    private final ServerAssignmentHandler serverAssignment;
    private final LocationInfoHandler locationInfo;
    private final MultimediaAuthHandler multimediaAuth;

    public CxServer(SubscriberStore store, CxServerConfig config, LocalIdentity local, Executor executor) {
        this(store, config, local, executor, RegistrationListener.NONE);
    }

    /** As the other constructor; {@code listener} hears of the registration changes SARs make. */
    public CxServer(SubscriberStore store, CxServerConfig config, LocalIdentity local, Executor executor,
                    RegistrationListener listener) {
        this(store, config, local, executor, listener, ScscfReassignmentListener.NONE);
    }

    /** As the other constructors; {@code reassignments} hears of users a MAR took from another S-CSCF. */
    public CxServer(SubscriberStore store, CxServerConfig config, LocalIdentity local, Executor executor,
                    RegistrationListener listener, ScscfReassignmentListener reassignments) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(config, "config");
        this.store = store;
        this.local = Objects.requireNonNull(local, "local");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.userAuthorization = new UserAuthorizationHandler(store, config, local);
        this.serverAssignment = new ServerAssignmentHandler(store, local,
                Objects.requireNonNull(listener, "listener"));
        this.locationInfo = new LocationInfoHandler(store, config, local);
        this.multimediaAuth = new MultimediaAuthHandler(store, config, local,
                Objects.requireNonNull(reassignments, "reassignments"));
    }

    /** Registers the four HSS-served commands on {@code node} (before or after it starts). */
    public void registerOn(DiameterNode node) {
        registerOn(node, UnaryOperator.identity());
    }

    /** As {@link #registerOn(DiameterNode)}, each handler wrapped by {@code admission} (e.g. a bound). */
    public void registerOn(DiameterNode node, UnaryOperator<RequestHandler> admission) {
        long app = CxDictionary.APPLICATION.id();
        node.register(app, CxDictionary.USER_AUTHORIZATION.code(),
                admission.apply(r -> serveFromMemoryIfPossible(r, userAuthorization::answer)));
        node.register(app, CxDictionary.SERVER_ASSIGNMENT.code(),
                admission.apply(r -> serveFromMemoryIfPossible(r, serverAssignment::answer)));
        node.register(app, CxDictionary.LOCATION_INFO.code(),
                admission.apply(r -> serveFromMemoryIfPossible(r, locationInfo::answer)));
        // a re-authentication from a reservation of SQNs in memory (decision 0020); others in a transaction
        node.register(app, CxDictionary.MULTIMEDIA_AUTH.code(),
                admission.apply(r -> serveFromMemoryIfPossible(r, multimediaAuth::answer)));
    }

    /** Answers one request on the caller's thread (the node handlers run this on {@code executor}). */
    public DiameterMessage answer(DiameterMessage request) {
        int code = request.commandCode();
        if (code == CxDictionary.USER_AUTHORIZATION.code()) {
            return answer(request, userAuthorization::answer);
        }
        if (code == CxDictionary.SERVER_ASSIGNMENT.code()) {
            return answer(request, serverAssignment::answer);
        }
        if (code == CxDictionary.LOCATION_INFO.code()) {
            return answer(request, locationInfo::answer);
        }
        if (code == CxDictionary.MULTIMEDIA_AUTH.code()) {
            return answer(request, multimediaAuth::answer);
        }
        return DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_COMMAND_UNSUPPORTED).build();
    }

    private CompletableFuture<DiameterMessage> serve(DiameterMessage request,
                                                     Function<DiameterMessage, AnswerBuilder> handler) {
        return CompletableFuture.supplyAsync(() -> answer(request, handler), executor);
    }

    /**
     * Answers on the calling thread (the node's event loop) when everything the answer needs is in the store's
     * memory, as for the second UAR and the SAR of a re-registration and the LIR of a call to a user registered
     * moments ago; otherwise on {@code executor}, from the start (decision 0017). The handlers change nothing
     * before their first store access, so the second run is the only one with effects.
     */
    private CompletableFuture<DiameterMessage> serveFromMemoryIfPossible(
            DiameterMessage request, Function<DiameterMessage, AnswerBuilder> handler) {
        Optional<DiameterMessage> answered = store.fromMemory(() -> answer(request, handler));
        if (answered.isPresent()) {
            answeredFromMemory.increment();
            return CompletableFuture.completedFuture(answered.get());
        }
        return serve(request, handler);
    }

    /** Requests answered from memory on the Diameter event loop. */
    public long answeredFromMemory() {
        return answeredFromMemory.sum();
    }

    private DiameterMessage answer(DiameterMessage request, Function<DiameterMessage, AnswerBuilder> handler) {
        try {
            return handler.apply(request).build();
        } catch (NeedsDatabaseException e) {
            throw e; // the memory-only attempt stops here; the request runs again on a virtual thread
        } catch (CxFailure refused) {
            LOG.debug("Cx {} refused: {} {}", request.commandCode(), refused.result(), refused.getMessage());
            AnswerBuilder answer = DiameterMessage.answerTo(request, local).result(refused.result())
                    .errorMessage(refused.getMessage());
            refused.failedAvp().ifPresent(answer::failedAvp);
            refused.answerAvps().forEach(answer::add);
            return answer.build();
        } catch (StoreException e) {
            LOG.warn("Cx {} failed in the store: {}", request.commandCode(), e.getMessage());
            return DiameterMessage.answerTo(request, local).result(e.reason() == StoreException.Reason.UNAVAILABLE
                    ? ResultCodes.DIAMETER_TOO_BUSY : ResultCodes.DIAMETER_UNABLE_TO_COMPLY).build();
        } catch (RuntimeException e) {
            LOG.warn("Cx {} failed", request.commandCode(), e);
            return DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_UNABLE_TO_COMPLY).build();
        }
    }
}
