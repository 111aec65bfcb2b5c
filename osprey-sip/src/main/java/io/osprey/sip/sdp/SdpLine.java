package io.osprey.sip.sdp;

/**
 * A line whose type letter RFC 8866 does not define. Only the lenient parser keeps such lines (RFC 8866 §5 lets a
 * parser reject them, which the strict parser does); they are written back at the end of their section, in the
 * order received.
 */
public record SdpLine(char type, String value) {

    private static final String KNOWN_TYPES = "vosiuepcbtrzkam";

    public SdpLine {
        if (type < 'a' || type > 'z' || KNOWN_TYPES.indexOf(type) >= 0) {
            throw new IllegalArgumentException("extension line type must be a lower-case letter that RFC 8866 does"
                    + " not define, was '" + type + "'");
        }
        if (!SdpSyntax.isText(value)) {
            throw new IllegalArgumentException(type + "= value must not contain NUL, CR or LF");
        }
    }

    static boolean isKnownType(char type) {
        return KNOWN_TYPES.indexOf(type) >= 0;
    }

    public String text() {
        return type + "=" + value;
    }
}
