package io.osprey.sip.sdp;

/**
 * An {@code a=rtcp:<port> [<nettype> <addrtype> <connection-address>]} attribute (RFC 3605 §2.1): where RTCP
 * goes when it is not on the RTP port plus one. {@code connection} is null when only the port is given.
 */
public record Rtcp(int port, Connection connection) {

    public static final String ATTRIBUTE = "rtcp";

    public Rtcp {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("rtcp port must be 0-65535, was " + port);
        }
    }

    public static Rtcp parse(String value) {
        String[] parts = value.split(" ", -1);
        if (parts.length != 1 && parts.length != 4) {
            throw new IllegalArgumentException("rtcp value '" + value + "' must be '<port>' or"
                    + " '<port> <nettype> <addrtype> <address>'");
        }
        int port = RtpMap.smallNumber("rtcp port", parts[0], 65535);
        return new Rtcp(port, parts.length == 1 ? null : new Connection(parts[1], parts[2], parts[3]));
    }

    /** As {@link #parse}, but null instead of an exception for a malformed value. */
    public static Rtcp tryParse(String value) {
        try {
            return parse(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Attribute toAttribute() {
        return Attribute.of(ATTRIBUTE, connection == null ? Integer.toString(port) : port + " " + connection.value());
    }
}
