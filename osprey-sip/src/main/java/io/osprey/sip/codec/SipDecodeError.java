package io.osprey.sip.codec;

import java.util.Objects;

/**
 * A message {@link SipStreamDecoder} could not decode, passed down the pipeline in place of a message.
 *
 * @param error what was wrong, and the answer to send if it was a request
 * @param fatal true when framing is lost (bad or missing Content-Length, oversize head): the handler should
 *              send the answer, if any, and close the connection; false when only this message was bad and
 *              the stream goes on
 */
public record SipDecodeError(SipParseException error, boolean fatal) {

    public SipDecodeError {
        Objects.requireNonNull(error, "error");
    }
}
