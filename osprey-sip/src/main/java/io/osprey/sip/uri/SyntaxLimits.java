package io.osprey.sip.uri;

/**
 * Size limits applied while parsing URIs and header values: the longest URI and the most parameters one
 * element (a URI, a Via, a name-addr) may carry. The codec derives them from its {@code SipLimits}.
 *
 * @param maxUriLength longest URI text, in characters
 * @param maxParams    most parameters (or URI headers) on one element
 */
public record SyntaxLimits(int maxUriLength, int maxParams) {

    /** 4 KiB URIs, 32 parameters. */
    public static final SyntaxLimits DEFAULTS = new SyntaxLimits(4096, 32);

    public SyntaxLimits {
        if (maxUriLength < 16) {
            throw new IllegalArgumentException("maxUriLength must be at least 16, was " + maxUriLength);
        }
        if (maxParams < 1) {
            throw new IllegalArgumentException("maxParams must be at least 1, was " + maxParams);
        }
    }
}
