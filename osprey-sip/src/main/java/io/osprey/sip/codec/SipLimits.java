package io.osprey.sip.codec;

import io.osprey.sip.uri.SyntaxLimits;

/**
 * Hard size limits the decoder enforces before it trusts any length in a message. Breaking one fails the
 * message with an error naming the field, the value and the limit: 414 for a Request-URI or request line,
 * 413 for a body, 513 for header sections, 400 otherwise.
 *
 * @param maxStartLineLength  longest request or status line, in octets
 * @param maxHeaderCount      most header fields (lines)
 * @param maxHeaderLineLength longest header field including its folded continuation lines, in octets
 * @param maxHeaderBytes      most octets from the start line to the empty line
 * @param maxBodySize         largest body, in octets
 * @param maxUriLength        longest URI, in characters
 * @param maxParams           most parameters on one URI, Via or name-addr
 */
public record SipLimits(int maxStartLineLength, int maxHeaderCount, int maxHeaderLineLength, int maxHeaderBytes,
                        int maxBodySize, int maxUriLength, int maxParams) {

    /** 8 KiB lines, 100 header fields, 32 KiB of headers, 64 KiB body, 4 KiB URIs, 32 parameters. */
    public static final SipLimits DEFAULTS = new SipLimits(8192, 100, 8192, 32768, 65536, 4096, 32);

    public SipLimits {
        positive("maxStartLineLength", maxStartLineLength);
        positive("maxHeaderCount", maxHeaderCount);
        positive("maxHeaderLineLength", maxHeaderLineLength);
        positive("maxHeaderBytes", maxHeaderBytes);
        positive("maxBodySize", maxBodySize);
        positive("maxUriLength", maxUriLength);
        positive("maxParams", maxParams);
        if (maxStartLineLength < 32 || maxUriLength < 16) {
            throw new IllegalArgumentException("maxStartLineLength must be at least 32 and maxUriLength at least 16");
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** A copy with another body limit. */
    public SipLimits withMaxBodySize(int bytes) {
        return new SipLimits(maxStartLineLength, maxHeaderCount, maxHeaderLineLength, maxHeaderBytes, bytes,
                maxUriLength, maxParams);
    }

    /** A copy with other header limits. */
    public SipLimits withHeaderLimits(int count, int lineLength, int totalBytes) {
        return new SipLimits(maxStartLineLength, count, lineLength, totalBytes, maxBodySize, maxUriLength, maxParams);
    }

    /** The largest datagram or frame these limits can admit. */
    public int maxMessageSize() {
        return maxStartLineLength + 2 + maxHeaderBytes + 2 + maxBodySize;
    }

    /** The URI and parameter limits, for typed header parsing. */
    public SyntaxLimits syntaxLimits() {
        return new SyntaxLimits(maxUriLength, maxParams);
    }
}
