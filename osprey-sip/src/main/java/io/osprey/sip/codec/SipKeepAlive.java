package io.osprey.sip.codec;

/** CRLF keep-alives on a stream (RFC 5626 §4.4.1), emitted by {@link SipStreamDecoder}. */
public enum SipKeepAlive {
    /** A double CRLF from a client; the server answers with a single CRLF ({@link #PONG_BYTES}). */
    PING,
    /** A single CRLF answering our ping (client-side decoders only). */
    PONG;

    /** The octets of a ping: CRLF CRLF. */
    public static final byte[] PING_BYTES = {'\r', '\n', '\r', '\n'};
    /** The octets of a pong: CRLF. */
    public static final byte[] PONG_BYTES = {'\r', '\n'};
}
