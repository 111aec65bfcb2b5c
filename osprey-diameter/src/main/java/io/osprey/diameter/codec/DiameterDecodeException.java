package io.osprey.diameter.codec;

import io.netty.handler.codec.DecoderException;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Diameter message that cannot be accepted, with what RFC 6733 §7 says to answer: the Result-Code and the
 * offending AVP for Failed-AVP (§7.5; nested inside its enclosing Grouped AVPs when it was found in one).
 * When the header was readable the exception also carries the partial message (header plus the AVPs decoded
 * before the error), so the peer layer can answer a request. A framing error means the byte stream cannot be
 * resynchronised: answer if possible, then close the connection. Extends Netty's {@link DecoderException} so
 * pipeline handlers pass it on unwrapped.
 */
public final class DiameterDecodeException extends DecoderException {

    private final ResultCode resultCode;
    private final transient Avp failedAvp;
    private final transient DiameterMessage partialMessage;
    private final boolean framingError;

    public DiameterDecodeException(ResultCode resultCode, String message, Avp failedAvp) {
        this(resultCode, message, failedAvp, null, false);
    }

    private DiameterDecodeException(ResultCode resultCode, String message, Avp failedAvp, DiameterMessage partialMessage,
                                    boolean framingError) {
        super(resultCode + ": " + message);
        this.resultCode = Objects.requireNonNull(resultCode, "resultCode");
        this.failedAvp = failedAvp;
        this.partialMessage = partialMessage;
        this.framingError = framingError;
    }

    /** The Result-Code to answer with, e.g. 5014 DIAMETER_INVALID_AVP_LENGTH. */
    public ResultCode resultCode() {
        return resultCode;
    }

    /** The AVP to put in Failed-AVP, when the error concerns one. */
    public Optional<Avp> failedAvp() {
        return Optional.ofNullable(failedAvp);
    }

    /** Header and the top-level AVPs decoded before the error, when the header could be read. */
    public Optional<DiameterMessage> partialMessage() {
        return Optional.ofNullable(partialMessage);
    }

    /** Whether the stream is out of step and the connection must be closed. */
    public boolean isFramingError() {
        return framingError;
    }

    /** Text for Error-Message: the reason without the result code prefix. */
    public String reason() {
        String text = getMessage();
        int colon = text.indexOf(": ");
        return colon < 0 ? text : text.substring(colon + 2);
    }

    DiameterDecodeException withPartialMessage(DiameterMessage partial) {
        return new DiameterDecodeException(resultCode, reason(), failedAvp, partial, framingError);
    }

    DiameterDecodeException asFramingError() {
        return new DiameterDecodeException(resultCode, reason(), failedAvp, partialMessage, true);
    }

    /** Wraps the failed AVP in a copy of its enclosing Grouped AVP's header, as RFC 6733 §7.5 allows. */
    DiameterDecodeException withinGroup(int code, int flags, long vendorId) {
        if (failedAvp == null) {
            return this;
        }
        Avp wrapped = Avp.grouped(code, flags, vendorId, List.of(failedAvp));
        return new DiameterDecodeException(resultCode, reason(), wrapped, partialMessage, framingError);
    }
}
