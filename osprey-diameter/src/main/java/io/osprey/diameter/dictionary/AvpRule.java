package io.osprey.diameter.dictionary;

import java.util.Objects;

/**
 * One line of a command or grouped-AVP ABNF (RFC 6733 §3.2): {@code <fixed>}, {@code {required}} or
 * {@code [optional]}, with its occurrence bounds. {@code max == UNBOUNDED} means no upper limit.
 */
public record AvpRule(AvpDefinition avp, Kind kind, int min, int max) {

    public static final int UNBOUNDED = Integer.MAX_VALUE;

    /** Where and how often an AVP may appear. */
    public enum Kind {
        /** {@code < AVP >}: at a fixed position (Session-Id first). */
        FIXED,
        /** {@code { AVP }}: must be present. */
        REQUIRED,
        /** {@code [ AVP ]}: may be present. */
        OPTIONAL
    }

    public AvpRule {
        Objects.requireNonNull(avp, "avp");
        Objects.requireNonNull(kind, "kind");
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("occurrence bounds of " + avp.name() + " must satisfy 0 <= min <= max, were "
                    + min + ".." + max);
        }
        if (kind == Kind.REQUIRED && min < 1) {
            throw new IllegalArgumentException("required rule for " + avp.name() + " needs min >= 1, was " + min);
        }
    }

    /** {@code < AVP >} exactly once. */
    public static AvpRule fixed(AvpDefinition avp) {
        return new AvpRule(avp, Kind.FIXED, 1, 1);
    }

    /** {@code { AVP }} exactly once. */
    public static AvpRule required(AvpDefinition avp) {
        return new AvpRule(avp, Kind.REQUIRED, 1, 1);
    }

    /** {@code 1*{ AVP }}: at least once, no upper limit. */
    public static AvpRule requiredMany(AvpDefinition avp) {
        return new AvpRule(avp, Kind.REQUIRED, 1, UNBOUNDED);
    }

    /** {@code [ AVP ]}: at most once. */
    public static AvpRule optional(AvpDefinition avp) {
        return new AvpRule(avp, Kind.OPTIONAL, 0, 1);
    }

    /** {@code *[ AVP ]}: any number of times. */
    public static AvpRule optionalMany(AvpDefinition avp) {
        return new AvpRule(avp, Kind.OPTIONAL, 0, UNBOUNDED);
    }

    /** Whether the ABNF demands at least one occurrence. */
    public boolean isMandatoryPresence() {
        return min > 0;
    }
}
