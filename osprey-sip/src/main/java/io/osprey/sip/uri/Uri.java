package io.osprey.sip.uri;

/**
 * A URI as SIP carries it in a Request-URI or a name-addr: a SIP/SIPS URI (RFC 3261 §19.1), a tel URI
 * (RFC 3966) or any other absolute URI, kept opaque. Instances are immutable; {@link #toString()} is the URI
 * text, exactly as parsed when the URI was read from a message and left unchanged.
 */
public sealed interface Uri permits SipUri, TelUri, AbsoluteUri {

    /** The scheme in lower case: "sip", "sips", "tel", or whatever an absolute URI declares. */
    String scheme();

    /** The URI text. */
    @Override
    String toString();

    /** Parses {@code text} with default limits; see {@link UriParser#parse(CharSequence)}. */
    static Uri parse(CharSequence text) {
        return UriParser.parse(text);
    }
}
