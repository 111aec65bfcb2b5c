package io.osprey.sip.sdp;

import java.util.Arrays;
import java.util.Locale;

/**
 * A precondition status attribute of RFC 3312 §5: {@code a=curr:qos local none},
 * {@code a=des:qos mandatory e2e sendrecv} or {@code a=conf:qos remote sendrecv}. IMS (TS 24.229) uses the
 * {@code qos} type with segmented ({@code local}/{@code remote}) status. {@code strength} is present only for
 * {@code des}.
 */
public record Precondition(Kind kind, String type, Strength strength, StatusType statusType, Direction direction) {

    /** Which of the three RFC 3312 attributes. */
    public enum Kind {
        CURRENT("curr"), DESIRED("des"), CONFIRM("conf");

        private final String attributeName;

        Kind(String attributeName) {
            this.attributeName = attributeName;
        }

        public String attributeName() {
            return attributeName;
        }

        /** The kind for an attribute name, or null if the name is not a precondition attribute. */
        public static Kind fromAttributeName(String name) {
            return switch (name) {
                case "curr" -> CURRENT;
                case "des" -> DESIRED;
                case "conf" -> CONFIRM;
                default -> null;
            };
        }
    }

    /** RFC 3312 §5 strength-tag. */
    public enum Strength { MANDATORY, OPTIONAL, NONE, FAILURE, UNKNOWN }

    /** RFC 3312 §5 status-type. */
    public enum StatusType { E2E, LOCAL, REMOTE }

    /** RFC 3312 §5 direction-tag; not the media {@link io.osprey.sip.sdp.Direction}. */
    public enum Direction { NONE, SEND, RECV, SENDRECV }

    public Precondition {
        if (kind == null || statusType == null || direction == null) {
            throw new IllegalArgumentException("precondition kind, status type and direction are required");
        }
        SdpSyntax.requireToken("precondition type", type);
        if ((kind == Kind.DESIRED) != (strength != null)) {
            throw new IllegalArgumentException("precondition strength must be given for des and only for des");
        }
    }

    /** Parses the value of an attribute named {@code attributeName} (curr, des or conf). */
    public static Precondition parse(String attributeName, String value) {
        Kind kind = Kind.fromAttributeName(attributeName);
        if (kind == null) {
            throw new IllegalArgumentException("'" + attributeName + "' is not a precondition attribute");
        }
        String[] parts = value == null ? new String[0] : value.split(" ", -1);
        int expected = kind == Kind.DESIRED ? 4 : 3;
        if (parts.length != expected) {
            throw new IllegalArgumentException(attributeName + " value '" + value + "' must have " + expected
                    + " space-separated fields");
        }
        int i = 1;
        Strength strength = kind == Kind.DESIRED ? tag(Strength.values(), "strength-tag", parts[i++]) : null;
        StatusType statusType = tag(StatusType.values(), "status-type", parts[i++]);
        Direction direction = tag(Direction.values(), "direction-tag", parts[i]);
        return new Precondition(kind, parts[0], strength, statusType, direction);
    }

    /** The precondition attribute {@code attribute} carries, or null if it is not one or is malformed. */
    public static Precondition tryParse(Attribute attribute) {
        if (Kind.fromAttributeName(attribute.name()) == null) {
            return null;
        }
        try {
            return parse(attribute.name(), attribute.value());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public static Precondition current(String type, StatusType statusType, Direction direction) {
        return new Precondition(Kind.CURRENT, type, null, statusType, direction);
    }

    public static Precondition desired(String type, Strength strength, StatusType statusType, Direction direction) {
        return new Precondition(Kind.DESIRED, type, strength, statusType, direction);
    }

    public static Precondition confirm(String type, StatusType statusType, Direction direction) {
        return new Precondition(Kind.CONFIRM, type, null, statusType, direction);
    }

    public Attribute toAttribute() {
        StringBuilder value = new StringBuilder(type).append(' ');
        if (strength != null) {
            value.append(lower(strength)).append(' ');
        }
        value.append(lower(statusType)).append(' ').append(lower(direction));
        return Attribute.of(kind.attributeName(), value.toString());
    }

    private static String lower(Enum<?> tag) {
        return tag.name().toLowerCase(Locale.ROOT);
    }

    private static <E extends Enum<E>> E tag(E[] constants, String field, String text) {
        for (E constant : constants) {
            if (constant.name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("precondition " + field + " '" + text + "' is not one of "
                + Arrays.toString(constants).toLowerCase(Locale.ROOT));
    }
}
