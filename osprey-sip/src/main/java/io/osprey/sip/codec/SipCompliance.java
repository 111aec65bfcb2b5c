package io.osprey.sip.codec;

/**
 * Deviations from RFC 3261 that an element may accept "liberally" (RFC 4475 §3.1.2) because their meaning is
 * unambiguous. A {@link CompliancePolicy} says which are tolerated; each tolerated one is counted in
 * {@link ComplianceCounters}. A tolerated fault is never forwarded: the decoder drops or rewrites it.
 */
public enum SipCompliance {
    /** Lines end with a bare LF instead of CRLF (RFC 3261 §7). */
    LF_LINE_ENDS,
    /** More than one SP between start-line elements (RFC 4475 §3.1.2.9); the start line is regenerated. */
    MULTIPLE_SP_IN_START_LINE,
    /** SP after the SIP version of a request line (RFC 4475 §3.1.2.10); the start line is regenerated. */
    TRAILING_SP_IN_START_LINE,
    /** A status line ends after the code, without the SP that precedes the reason phrase (RFC 3261 §7.2). */
    MISSING_REASON_PHRASE,
    /** Escaped headers in the Request-URI (RFC 4475 §3.1.2.11); they are removed and never acted on. */
    HEADERS_IN_REQUEST_URI,
    /** Whitespace inside the angle brackets of a name-addr (RFC 4475 §3.1.2.14); trimmed. */
    SPACES_IN_ADDR_SPEC,
    /** A URI with headers in addr-spec form, without angle brackets (RFC 4475 §3.1.2.13); brackets inferred. */
    URI_HEADERS_WITHOUT_ANGLE_BRACKETS,
    /** A Date header field not in GMT (RFC 4475 §3.1.2.12); ignored. */
    NON_GMT_DATE,
    /** A datagram without Content-Length (RFC 3261 §18.3, §20.14); the body is the rest of the datagram. */
    MISSING_CONTENT_LENGTH,
    /** A request without Max-Forwards, as RFC 2543 peers send (RFC 4475 §3.4.1). */
    MISSING_MAX_FORWARDS
}
