package io.osprey.hss.model;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Field checks shared by the model records; every failure is an {@link InvalidValueException}. */
final class Checks {

    private Checks() {
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidValueException(field, "is required");
        }
        return value;
    }

    /** Non-empty text of at most {@code maxLength} characters with no control characters. */
    static String text(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.isEmpty()) {
            throw new InvalidValueException(field, "must not be empty");
        }
        return anyText(field, value, maxLength);
    }

    /** Like {@link #text} but the empty string is allowed (XSD strings with minLength 0). */
    static String anyText(String field, String value, int maxLength) {
        notNull(field, value);
        if (value.length() > maxLength) {
            throw new InvalidValueException(field, "is " + value.length() + " characters, limit " + maxLength);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\uFFFE' || c == '\uFFFF') {
                throw new InvalidValueException(field,
                        "contains control character U+" + String.format("%04X", (int) c) + " at index " + i);
            }
        }
        return value;
    }

    /** Text without whitespace, for identifiers and URIs. */
    static String token(String field, String value, int maxLength) {
        text(field, value, maxLength);
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new InvalidValueException(field, "must not contain whitespace: \"" + value + "\"");
            }
        }
        return value;
    }

    /** A name made of letters, digits and {@code . _ + -}, as used for profiles, templates and groups. */
    static String name(String field, String value, int maxLength) {
        text(field, value, maxLength);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '+' || c == '-';
            if (!ok) {
                throw new InvalidValueException(field,
                        "may hold only letters, digits and . _ + -, found '" + c + "' in \"" + value + "\"");
            }
        }
        return value;
    }

    static <T> Optional<T> optional(String field, Optional<T> value) {
        return notNull(field, value);
    }

    static int nonNegative(String field, int value) {
        if (value < 0) {
            throw new InvalidValueException(field, "must be 0 or more, was " + value);
        }
        return value;
    }

    /** An immutable copy holding {@code min} to {@code max} non-null elements. */
    static <T> List<T> list(String field, Collection<T> values, int min, int max) {
        notNull(field, values);
        if (values.size() < min || values.size() > max) {
            throw new InvalidValueException(field,
                    "must hold " + min + " to " + max + " entries, held " + values.size());
        }
        for (T value : values) {
            notNull(field + " entry", value);
        }
        // One array copy (none when values is already an immutable list); List.copyOf would reject a null
        // entry with a bare NullPointerException, hence the check above.
        return List.copyOf(values);
    }

    /** An immutable copy of a set of enum constants, iterating in declaration order. */
    static <E extends Enum<E>> Set<E> enumSet(String field, Class<E> type, Collection<E> values) {
        notNull(field, values);
        EnumSet<E> copy = EnumSet.noneOf(type);
        for (E value : values) {
            copy.add(notNull(field + " entry", value));
        }
        return Collections.unmodifiableSet(copy);
    }
}
