package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.message.Avp;
import java.util.List;
import java.util.Optional;

/**
 * A Cx request the HSS refuses: the result to answer with, for malformed AVPs the offending one, and any AVPs the
 * refusal carries (e.g. the Server-Name of the S-CSCF already assigned).
 */
final class CxFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ResultCode result;
    private final transient Avp failedAvp;
    private final transient List<Avp> answerAvps;

    CxFailure(ResultCode result, String message) {
        this(result, message, null);
    }

    CxFailure(ResultCode result, String message, Avp failedAvp) {
        this(result, message, failedAvp, List.of());
    }

    private CxFailure(ResultCode result, String message, Avp failedAvp, List<Avp> answerAvps) {
        super(message, null, false, false);
        this.result = result;
        this.failedAvp = failedAvp;
        this.answerAvps = List.copyOf(answerAvps);
    }

    /** A refusal whose answer also carries {@code avps}. */
    static CxFailure withAnswerAvps(ResultCode result, String message, Avp... avps) {
        return new CxFailure(result, message, null, List.of(avps));
    }

    ResultCode result() {
        return result;
    }

    Optional<Avp> failedAvp() {
        return Optional.ofNullable(failedAvp);
    }

    List<Avp> answerAvps() {
        return answerAvps;
    }
}
