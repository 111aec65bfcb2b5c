package io.osprey.diameter.peer;

import io.osprey.diameter.dictionary.ResultCode;
import java.util.Objects;

/**
 * A request sent through the node got no answer from any peer. {@link #resultCode()} is what a relay answers
 * in its place (RFC 6733 §7.1.3), e.g. 3002 DIAMETER_UNABLE_TO_DELIVER.
 */
public class DiameterRequestException extends RuntimeException {

    private final transient ResultCode resultCode;

    public DiameterRequestException(ResultCode resultCode, String message) {
        super(resultCode + ": " + message);
        this.resultCode = Objects.requireNonNull(resultCode, "resultCode");
    }

    public ResultCode resultCode() {
        return resultCode;
    }
}
