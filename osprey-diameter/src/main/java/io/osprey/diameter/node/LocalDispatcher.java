package io.osprey.diameter.node;

import io.osprey.diameter.codec.DiameterDecodeException;
import io.osprey.diameter.codec.DiameterValidator;
import io.osprey.diameter.codec.ErrorAnswers;
import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes requests routed to this node: an application it does not serve gets 3007
 * DIAMETER_APPLICATION_UNSUPPORTED, a command without a handler 3001 DIAMETER_COMMAND_UNSUPPORTED (RFC 6733
 * §6.1.4, §7.1.3), a request the {@link DiameterValidator} refuses the answer of RFC 6733 §7 (5001 with
 * Failed-AVP, 5005, 5009, 3008 …); the rest reaches its {@link RequestHandler}. A handler that throws,
 * fails, answers null, answers something that is not the answer to the request, or has not answered within the
 * request timeout yields 5012 DIAMETER_UNABLE_TO_COMPLY.
 */
final class LocalDispatcher {

    private static final Logger log = LoggerFactory.getLogger(LocalDispatcher.class);

    private final LocalIdentity identity;
    private final DiameterValidator validator;
    private final List<DiameterApplication> applications;
    private final Duration handlerTimeout;
    private final HandlerDeadlines deadlines;
    private final Map<Long, RequestHandler> handlers = new ConcurrentHashMap<>();
    private final Map<Long, Boolean> handledApplications = new ConcurrentHashMap<>();

    LocalDispatcher(LocalIdentity identity, DiameterValidator validator, List<DiameterApplication> applications,
                    Duration handlerTimeout) {
        this.identity = identity;
        this.validator = validator;
        this.applications = List.copyOf(applications);
        this.handlerTimeout = handlerTimeout;
        this.deadlines = new HandlerDeadlines(handlerTimeout);
    }

    /** Answers 5012 to requests whose handler has not answered within the request timeout; run periodically. */
    void expireHandlers(long nowNanos) {
        deadlines.expire(nowNanos);
    }

    void register(long applicationId, int commandCode, RequestHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (applicationId < 0 || applicationId > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("application id must be 0.." + 0xFFFF_FFFFL + ", was " + applicationId);
        }
        if (commandCode < 0 || commandCode > 0xFF_FFFF) {
            throw new IllegalArgumentException("command code must be 0..16777215, was " + commandCode);
        }
        if (applicationId == 0 && (commandCode == 257 || commandCode == 280 || commandCode == 282)) {
            throw new IllegalArgumentException("command " + commandCode + " belongs to the peer connection");
        }
        if (handlers.putIfAbsent(key(applicationId, commandCode), handler) != null) {
            throw new IllegalStateException("a handler for command " + commandCode + " of application "
                    + applicationId + " is already registered");
        }
        handledApplications.put(applicationId, Boolean.TRUE);
    }

    /**
     * Whether requests of {@code applicationId} are processed here: configured, given a handler, or the common
     * application 0 (whose unknown commands get 3001).
     */
    boolean serves(long applicationId) {
        if (applicationId == 0 || handledApplications.containsKey(applicationId)) {
            return true;
        }
        for (DiameterApplication app : applications) {
            if (app.id() == applicationId) {
                return true;
            }
        }
        return false;
    }

    /** The answer to {@code request}; never completes exceptionally. */
    CompletableFuture<DiameterMessage> dispatch(DiameterMessage request) {
        if (!serves(request.applicationId())) {
            return CompletableFuture.completedFuture(error(request, ResultCodes.DIAMETER_APPLICATION_UNSUPPORTED,
                    "application " + request.applicationId() + " is not served by " + identity.originHost()));
        }
        RequestHandler handler = handlers.get(key(request.applicationId(), request.commandCode()));
        if (handler == null) {
            return CompletableFuture.completedFuture(error(request, ResultCodes.DIAMETER_COMMAND_UNSUPPORTED,
                    "command " + request.commandCode() + " of application " + request.applicationId()
                            + " is not served by " + identity.originHost()));
        }
        try {
            validator.validate(request);
        } catch (DiameterDecodeException e) {
            return CompletableFuture.completedFuture(ErrorAnswers.forRequest(request, e, identity));
        }
        CompletableFuture<DiameterMessage> answer;
        try {
            answer = handler.handle(request);
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(unableToComply(request, e));
        }
        if (answer == null) {
            return CompletableFuture.completedFuture(unableToComply(request, null));
        }
        CompletableFuture<DiameterMessage> watched = answer.copy();
        deadlines.watch(watched, System.nanoTime());
        return watched.handle((message, failure) -> {
            if (failure != null || message == null) {
                return unableToComply(request, failure);
            }
            if (message.isRequest() || message.commandCode() != request.commandCode()
                    || !message.hopByHopId().equals(request.hopByHopId())
                    || !message.endToEndId().equals(request.endToEndId())) {
                log.error("handler answered {} to {}", message, request);
                return unableToComply(request, null);
            }
            return message;
        });
    }

    /** A locally generated answer with {@code code} and the reason in Error-Message. */
    DiameterMessage error(DiameterMessage request, ResultCode code, String reason) {
        return DiameterMessage.answerTo(request, identity).result(code).errorMessage(reason).build();
    }

    private DiameterMessage unableToComply(DiameterMessage request, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof TimeoutException) {
            log.warn("handler for command {} did not answer within {} ms", request.commandCode(),
                    handlerTimeout.toMillis());
        } else if (cause != null) {
            log.warn("handler for command {} failed", request.commandCode(), cause);
        }
        return error(request, ResultCodes.DIAMETER_UNABLE_TO_COMPLY, "the request could not be processed");
    }

    private static long key(long applicationId, int commandCode) {
        return (applicationId << 24) | commandCode;
    }
}
