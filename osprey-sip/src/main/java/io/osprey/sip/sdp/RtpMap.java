package io.osprey.sip.sdp;

/**
 * An {@code a=rtpmap:<payload type> <encoding name>/<clock rate>[/<encoding parameters>]} attribute
 * (RFC 8866 §6.6). For audio the encoding parameters are the channel count; {@code channels} is 0 when the
 * attribute leaves them out, which means one channel.
 */
public record RtpMap(int payloadType, String encodingName, int clockRate, int channels) {

    public static final String ATTRIBUTE = "rtpmap";

    public RtpMap {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("rtpmap payload type must be 0-127, was " + payloadType);
        }
        if (encodingName == null || encodingName.isEmpty() || encodingName.indexOf('/') >= 0
                || !SdpSyntax.isWord(encodingName)) {
            throw new IllegalArgumentException("rtpmap encoding name must be a word without '/', was '"
                    + encodingName + "'");
        }
        if (clockRate <= 0) {
            throw new IllegalArgumentException("rtpmap clock rate must be positive, was " + clockRate);
        }
        if (channels < 0) {
            throw new IllegalArgumentException("rtpmap channels must not be negative, was " + channels);
        }
    }

    /** Parses the value of an {@code a=rtpmap} attribute (the text after the colon). */
    public static RtpMap parse(String value) {
        int space = value.indexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("rtpmap value '" + value + "' lacks '<payload type> <encoding>'");
        }
        int payloadType = smallNumber("rtpmap payload type", value.substring(0, space), 127);
        String encoding = value.substring(space + 1);
        int slash = encoding.indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("rtpmap value '" + value + "' lacks '/<clock rate>'");
        }
        int secondSlash = encoding.indexOf('/', slash + 1);
        String rate = secondSlash < 0 ? encoding.substring(slash + 1) : encoding.substring(slash + 1, secondSlash);
        int channels = secondSlash < 0 ? 0
                : smallNumber("rtpmap channels", encoding.substring(secondSlash + 1), 255);
        if (secondSlash >= 0 && channels == 0) {
            throw new IllegalArgumentException("rtpmap channels must be at least 1 in '" + value + "'");
        }
        return new RtpMap(payloadType, encoding.substring(0, slash),
                smallNumber("rtpmap clock rate", rate, 100_000_000), channels);
    }

    /** As {@link #parse}, but null instead of an exception for a malformed value. */
    public static RtpMap tryParse(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The channel count, 1 when the attribute does not say. */
    public int channelCount() {
        return channels == 0 ? 1 : channels;
    }

    /** Whether this names the same encoding: name case-insensitively (RFC 8866 §6.6), clock rate and channels. */
    public boolean sameEncoding(String name, int rate, int channelCount) {
        return encodingName.equalsIgnoreCase(name) && clockRate == rate && channelCount() == channelCount;
    }

    public Attribute toAttribute() {
        String value = payloadType + " " + encodingName + '/' + clockRate;
        return Attribute.of(ATTRIBUTE, channels == 0 ? value : value + '/' + channels);
    }

    static int smallNumber(String field, String digits, int max) {
        if (!SdpSyntax.isDigits(digits) || digits.length() > 9) {
            throw new IllegalArgumentException(field + " must be decimal digits, was '" + digits + "'");
        }
        int n = Integer.parseInt(digits);
        if (n > max) {
            throw new IllegalArgumentException(field + " " + n + " exceeds " + max);
        }
        return n;
    }
}
