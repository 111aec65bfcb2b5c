package io.osprey.cscf.cx;

/**
 * A Cx message the client cannot read: an answer without a Result-Code or complete Experimental-Result
 * (RFC 6733 §7.1 requires one), or an HSS request lacking an AVP it cannot do without. The message names the
 * command, the peer and what is wrong.
 */
public final class CxProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CxProtocolException(String message) {
        super(message);
    }

    public CxProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
