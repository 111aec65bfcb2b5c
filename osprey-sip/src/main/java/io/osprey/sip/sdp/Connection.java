package io.osprey.sip.sdp;

/**
 * A {@code c=} line (RFC 8866 §5.7). The address is kept as written, including any multicast
 * {@code /ttl/count} suffix.
 */
public record Connection(String netType, String addrType, String address) {

    public Connection {
        SdpSyntax.requireWord("c= nettype", netType);
        SdpSyntax.requireWord("c= addrtype", addrType);
        SdpSyntax.requireWord("c= connection-address", address);
    }

    /** An {@code IN} connection whose address type follows from {@code address}. */
    public static Connection of(String address) {
        return new Connection("IN", addrTypeOf(address), address);
    }

    /** {@code IP6} when the address contains a colon, otherwise {@code IP4}. */
    static String addrTypeOf(String address) {
        return address.indexOf(':') >= 0 ? "IP6" : "IP4";
    }

    /**
     * Whether this is the unspecified address that RFC 2543 used to put a stream on hold ({@code 0.0.0.0}),
     * or its IPv6 counterpart {@code ::} (RFC 3264 §8.4).
     */
    public boolean isUnspecifiedAddress() {
        return address.equals("0.0.0.0") || address.equals("::");
    }

    /** The text after {@code c=}. */
    public String value() {
        return netType + ' ' + addrType + ' ' + address;
    }
}
