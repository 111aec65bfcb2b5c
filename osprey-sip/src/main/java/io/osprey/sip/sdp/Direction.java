package io.osprey.sip.sdp;

/**
 * The media direction attributes of RFC 8866 §6.7 ({@code sendrecv}, {@code sendonly}, {@code recvonly},
 * {@code inactive}), always from the point of view of the party that wrote the description.
 */
public enum Direction {
    SENDRECV("sendrecv", true, true),
    SENDONLY("sendonly", true, false),
    RECVONLY("recvonly", false, true),
    INACTIVE("inactive", false, false);

    private final String attributeName;
    private final boolean sends;
    private final boolean receives;

    Direction(String attributeName, boolean sends, boolean receives) {
        this.attributeName = attributeName;
        this.sends = sends;
        this.receives = receives;
    }

    public String attributeName() {
        return attributeName;
    }

    public boolean sends() {
        return sends;
    }

    public boolean receives() {
        return receives;
    }

    /** The direction with the given abilities. */
    public static Direction of(boolean sends, boolean receives) {
        if (sends) {
            return receives ? SENDRECV : SENDONLY;
        }
        return receives ? RECVONLY : INACTIVE;
    }

    /** The direction named by an attribute name, or null if the name is not a direction attribute. */
    public static Direction fromAttributeName(String name) {
        return switch (name) {
            case "sendrecv" -> SENDRECV;
            case "sendonly" -> SENDONLY;
            case "recvonly" -> RECVONLY;
            case "inactive" -> INACTIVE;
            default -> null;
        };
    }

    /** The same stream seen from the other end: {@code sendonly} becomes {@code recvonly} and back. */
    public Direction reverse() {
        return of(receives, sends);
    }

    /** The directions both this and {@code other} allow. */
    public Direction intersect(Direction other) {
        return of(sends && other.sends, receives && other.receives);
    }

    public Attribute toAttribute() {
        return Attribute.property(attributeName);
    }
}
