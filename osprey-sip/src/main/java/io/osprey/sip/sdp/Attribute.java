package io.osprey.sip.sdp;

/**
 * An {@code a=} line (RFC 8866 §5.13): a property attribute ({@code a=rtcp-mux}, value {@code null}) or a value
 * attribute ({@code a=ptime:20}). Names are compared case-sensitively, as written on the wire; the typed views
 * ({@link RtpMap}, {@link Fmtp}, {@link Direction}, ...) read the well-known ones.
 */
public record Attribute(String name, String value) {

    public Attribute {
        SdpSyntax.requireToken("a= att-field", name);
        if (value != null && !SdpSyntax.isText(value)) {
            throw new IllegalArgumentException("a=" + name + " value must not contain NUL, CR or LF");
        }
    }

    /** A property attribute, one without a value. */
    public static Attribute property(String name) {
        return new Attribute(name, null);
    }

    public static Attribute of(String name, String value) {
        return new Attribute(name, value);
    }

    public boolean isProperty() {
        return value == null;
    }

    /** The text after {@code a=}. */
    public String text() {
        return value == null ? name : name + ':' + value;
    }
}
