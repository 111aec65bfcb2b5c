package io.osprey.diameter.codec;

import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import java.util.Optional;

/**
 * Builds the answers RFC 6733 §7 prescribes for requests that fail decoding or validation: the Result-Code
 * of the {@link DiameterDecodeException}, its offending AVP in Failed-AVP, its reason in Error-Message, and
 * the 'E' bit for 3xxx protocol errors.
 */
public final class ErrorAnswers {

    /** Longest Error-Message text sent. */
    static final int MAX_ERROR_MESSAGE = 200;

    private ErrorAnswers() {
    }

    /**
     * The answer to a request whose decoding failed, built from the exception's partial message; empty when
     * the header was unreadable or the failed message was an answer (answers are never answered).
     */
    public static Optional<DiameterMessage> forDecodeFailure(DiameterDecodeException failure, LocalIdentity local) {
        return failure.partialMessage().filter(DiameterMessage::isRequest).map(request -> forRequest(request, failure, local));
    }

    /** The answer to {@code request} for a failure found while decoding or validating it. */
    public static DiameterMessage forRequest(DiameterMessage request, DiameterDecodeException failure, LocalIdentity local) {
        String reason = failure.reason();
        AnswerBuilder answer = DiameterMessage.answerTo(request, local).result(failure.resultCode())
                .errorMessage(reason.length() > MAX_ERROR_MESSAGE ? reason.substring(0, MAX_ERROR_MESSAGE) : reason);
        failure.failedAvp().ifPresent(answer::failedAvp);
        return answer.build();
    }

    /**
     * 5001 DIAMETER_AVP_UNSUPPORTED (RFC 6733 §7.5): {@code unsupported} is the AVP with the M bit this node
     * does not understand, wrapped in its enclosing Grouped AVPs if it was nested.
     */
    public static DiameterMessage avpUnsupported(DiameterMessage request, Avp unsupported, LocalIdentity local) {
        return DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_AVP_UNSUPPORTED)
                .failedAvp(unsupported).build();
    }
}
