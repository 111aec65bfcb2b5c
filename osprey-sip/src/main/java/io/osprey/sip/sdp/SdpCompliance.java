package io.osprey.sip.sdp;

/**
 * Deviations from RFC 8866 that {@link SdpParser} can tolerate. The two line-end deviations are accepted in
 * both modes (RFC 8866 §5 asks for CRLF, but LF-only SDP is common); the others only in
 * {@link SdpParseMode#LENIENT}. Each occurrence is counted in {@link SdpParseResult#tolerated()}.
 */
public enum SdpCompliance {
    /** A line ended by LF alone. */
    LF_LINE_END,
    /** The last line has no line end. */
    MISSING_FINAL_LINE_END,
    /** An empty line, typically a stray CRLF after the last line. */
    EMPTY_LINE,
    /** A line whose type letter is allowed in its section but not at this position (RFC 8866 §5 order). */
    OUT_OF_ORDER_LINE,
    /** A line whose type letter RFC 8866 does not define; kept as an {@link SdpLine}. */
    UNKNOWN_LINE_TYPE,
    /** Fields separated by more than one space, or with leading or trailing spaces. */
    EXTRA_WHITESPACE,
    /** {@code s=} with nothing after it (RFC 8866 §5.3 wants at least one character, such as a space). */
    EMPTY_SESSION_NAME,
    /** A well-known attribute (rtpmap, fmtp, ptime, rtcp, direction, curr/des/conf...) with a malformed value. */
    MALFORMED_ATTRIBUTE,
    /** A media description without a {@code c=} line while the session level has none either (RFC 8866 §5.7). */
    MISSING_CONNECTION
}
