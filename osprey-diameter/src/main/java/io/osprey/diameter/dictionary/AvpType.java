package io.osprey.diameter.dictionary;

/**
 * The AVP data formats of RFC 6733 §4.2 (basic) and §4.3.1 (common derived). Fixed-size formats know their
 * data length, so a decoder can reject a wrong AVP Length with DIAMETER_INVALID_AVP_LENGTH (5014).
 */
public enum AvpType {
    OCTET_STRING(-1, 0),
    INTEGER32(4, 4),
    INTEGER64(8, 8),
    UNSIGNED32(4, 4),
    UNSIGNED64(8, 8),
    FLOAT32(4, 4),
    FLOAT64(8, 8),
    GROUPED(-1, 0),
    /** 2-octet address family (IANA: 1 IPv4, 2 IPv6, 8 E.164) followed by the address. */
    ADDRESS(-1, 6),
    /** Four octets: NTP seconds since 1900-01-01T00:00Z, extended past 2036 as in RFC 5905 / SNTP. */
    TIME(4, 4),
    UTF8_STRING(-1, 0),
    DIAMETER_IDENTITY(-1, 1),
    DIAMETER_URI(-1, 0),
    /** Derived from Integer32; the values are defined by the application. */
    ENUMERATED(4, 4),
    /** RFC 6733 §4.3.1 filter rule, kept as text. */
    IP_FILTER_RULE(-1, 0);

    private final int fixedLength;
    private final int minimumLength;

    AvpType(int fixedLength, int minimumLength) {
        this.fixedLength = fixedLength;
        this.minimumLength = minimumLength;
    }

    /** Exact data length this format requires, or -1 when the length varies. */
    public int fixedLength() {
        return fixedLength;
    }

    /**
     * Smallest data length of a well-formed value: the zero-filled payload RFC 6733 §7.5 asks for when a
     * missing or truncated AVP is reported in Failed-AVP.
     */
    public int minimumLength() {
        return minimumLength;
    }

    /** Whether the data is text or bytes of free length (OctetString and the formats derived from it). */
    public boolean isOctetStringBased() {
        return switch (this) {
            case OCTET_STRING, UTF8_STRING, DIAMETER_IDENTITY, DIAMETER_URI, IP_FILTER_RULE, ADDRESS, TIME -> true;
            default -> false;
        };
    }
}
