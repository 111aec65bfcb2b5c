package io.osprey.sip.sdp;

/** How strictly {@link SdpParser} applies the line order and syntax of RFC 8866 §5 and §9. */
public enum SdpParseMode {
    /** Every {@link SdpCompliance} violation except the line-end ones is an error. */
    STRICT,
    /** Violations listed in {@link SdpCompliance} are tolerated and counted; all others are still errors. */
    LENIENT
}
