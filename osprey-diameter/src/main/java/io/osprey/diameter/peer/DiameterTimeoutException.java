package io.osprey.diameter.peer;

import io.osprey.diameter.dictionary.ResultCodes;
import java.time.Duration;

/** No answer to a request arrived within the request timeout; a relay answers 3002 DIAMETER_UNABLE_TO_DELIVER. */
public final class DiameterTimeoutException extends DiameterRequestException {

    public DiameterTimeoutException(String peerHost, Duration timeout, String request) {
        super(ResultCodes.DIAMETER_UNABLE_TO_DELIVER, "no answer from " + peerHost + " within " + timeout.toMillis()
                + " ms to " + request);
    }
}
