package io.osprey.sip.sdp;

/** A {@code b=} line (RFC 8866 §5.8): a bandwidth type such as {@code AS}, {@code TIAS}, {@code RS} and its value. */
public record Bandwidth(String type, long value) {

    public Bandwidth {
        SdpSyntax.requireToken("b= bwtype", type);
        if (value < 0) {
            throw new IllegalArgumentException("b= bandwidth must not be negative, was " + value);
        }
    }

    /** The text after {@code b=}. */
    public String text() {
        return type + ':' + value;
    }
}
