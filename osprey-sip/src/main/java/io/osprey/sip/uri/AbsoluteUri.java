package io.osprey.sip.uri;

import java.util.Locale;

/**
 * A URI of a scheme this stack does not interpret (RFC 3261 §25.1 {@code absoluteURI}), such as
 * {@code http:}, {@code urn:} or {@code isbn:}. The scheme-specific part is kept opaque.
 */
public final class AbsoluteUri implements Uri {

    private final String text;
    private final int colon;

    AbsoluteUri(String text, int colon) {
        this.text = text;
        this.colon = colon;
    }

    @Override
    public String scheme() {
        return text.substring(0, colon).toLowerCase(Locale.ROOT);
    }

    /** Everything after the first colon, as written. */
    public String schemeSpecificPart() {
        return text.substring(colon + 1);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AbsoluteUri u && text.equals(u.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
