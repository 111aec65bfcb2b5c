package io.osprey.sip.sdp;

import java.math.BigInteger;

/**
 * The {@code o=} line (RFC 8866 §5.2): who created the session and which version of its description this is.
 * The session id and version are kept as the digit strings received, so leading zeros and values past 64 bits
 * survive a round trip.
 */
public record Origin(String username, String sessionId, String sessionVersion, String netType, String addrType,
                     String address) {

    public Origin {
        SdpSyntax.requireWord("o= username", username);
        SdpSyntax.requireDigits("o= sess-id", sessionId);
        SdpSyntax.requireDigits("o= sess-version", sessionVersion);
        SdpSyntax.requireWord("o= nettype", netType);
        SdpSyntax.requireWord("o= addrtype", addrType);
        SdpSyntax.requireWord("o= unicast-address", address);
    }

    /** An {@code IN} origin whose address type ({@code IP4} or {@code IP6}) follows from {@code address}. */
    public static Origin of(String username, String sessionId, String sessionVersion, String address) {
        return new Origin(username, sessionId, sessionVersion, "IN", Connection.addrTypeOf(address), address);
    }

    public Origin withSessionVersion(String version) {
        return new Origin(username, sessionId, version, netType, addrType, address);
    }

    /** This origin with the version incremented by one, as RFC 3264 §8 requires for a changed description. */
    public Origin nextVersion() {
        return withSessionVersion(new BigInteger(sessionVersion).add(BigInteger.ONE).toString());
    }

    /** The text after {@code o=}. */
    public String value() {
        return username + ' ' + sessionId + ' ' + sessionVersion + ' ' + netType + ' ' + addrType + ' ' + address;
    }
}
