package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.message.Avp;
import java.util.Optional;

/** A Cx request the HSS refuses: the result to answer with and, for malformed AVPs, the offending one. */
final class CxFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient ResultCode result;
    private final transient Avp failedAvp;

    CxFailure(ResultCode result, String message) {
        this(result, message, null);
    }

    CxFailure(ResultCode result, String message, Avp failedAvp) {
        super(message, null, false, false);
        this.result = result;
        this.failedAvp = failedAvp;
    }

    ResultCode result() {
        return result;
    }

    Optional<Avp> failedAvp() {
        return Optional.ofNullable(failedAvp);
    }
}
