package io.osprey.sip.uri;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An immutable, ordered list of {@code name[=value]} parameters: URI parameters and URI headers (RFC 3261
 * §19.1.1), and header parameters (§7.3.1). Names compare case-insensitively; values are kept as written
 * (escaped in URIs, possibly quoted in headers), so that text round-trips unchanged. A parameter without
 * a value ({@code ;lr}) has a {@code null} value.
 */
public final class Parameters {

    /** No parameters. */
    public static final Parameters EMPTY = new Parameters(new String[0], new String[0]);

    private final String[] names;
    private final String[] values;

    private Parameters(String[] names, String[] values) {
        this.names = names;
        this.values = values;
    }

    /** Parameters from alternating names and values ({@code null} value for a flag), for tests and builders. */
    public static Parameters of(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate, got " + namesAndValues.length);
        }
        Builder b = new Builder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            b.add(namesAndValues[i], namesAndValues[i + 1]);
        }
        return b.build();
    }

    /** Number of parameters. */
    public int size() {
        return names.length;
    }

    /** Whether there are none. */
    public boolean isEmpty() {
        return names.length == 0;
    }

    /** Name of parameter {@code i}, as written. */
    public String name(int i) {
        return names[i];
    }

    /** Value of parameter {@code i} as written, or null for a flag. */
    public String value(int i) {
        return values[i];
    }

    /** Index of the first parameter called {@code name} (any case), or -1. */
    public int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a parameter called {@code name} is present, with or without a value. */
    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of {@code name} as written; null when absent or when it has no value. */
    public String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : values[i];
    }

    /** A copy with {@code name} set to {@code value} (null for a flag): replaced in place, or appended. */
    public Parameters with(String name, String value) {
        int i = indexOf(name);
        if (i >= 0) {
            String[] newValues = values.clone();
            newValues[i] = value;
            String[] newNames = names.clone();
            newNames[i] = name;
            return new Parameters(newNames, newValues);
        }
        String[] newNames = Arrays.copyOf(names, names.length + 1);
        String[] newValues = Arrays.copyOf(values, values.length + 1);
        newNames[names.length] = name;
        newValues[values.length] = value;
        return new Parameters(newNames, newValues);
    }

    /** A copy without any parameter called {@code name}. */
    public Parameters without(String name) {
        if (indexOf(name) < 0) {
            return this;
        }
        Builder b = new Builder();
        for (int i = 0; i < names.length; i++) {
            if (!names[i].equalsIgnoreCase(name)) {
                b.add(names[i], values[i]);
            }
        }
        return b.build();
    }

    /** Names (lower-cased) to values, in order; a flag maps to "". */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < names.length; i++) {
            map.putIfAbsent(names[i].toLowerCase(Locale.ROOT), values[i] == null ? "" : values[i]);
        }
        return map;
    }

    /** Appends {@code <first>name=value<separator>name...}; nothing when empty. */
    public StringBuilder appendTo(StringBuilder sb, char first, char separator) {
        for (int i = 0; i < names.length; i++) {
            sb.append(i == 0 ? first : separator).append(names[i]);
            if (values[i] != null) {
                sb.append('=').append(values[i]);
            }
        }
        return sb;
    }

    /** {@code ;name=value;flag}. */
    @Override
    public String toString() {
        return appendTo(new StringBuilder(), ';', ';').toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters p && Arrays.equals(names, p.names) && Arrays.equals(values, p.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    /** Collects parameters in order. */
    public static final class Builder {
        private static final String[] NONE = {};

        /** Made on the first add: most URIs a parser meets have no headers, many no parameters. */
        private String[] names = NONE;
        private String[] values = NONE;
        private int size;

        /** Appends one parameter; {@code value} null for a flag. */
        public Builder add(String name, String value) {
            if (size == names.length) { // also after build() handed full arrays over: they are copied, not changed
                int capacity = size == 0 ? 4 : size * 2;
                names = Arrays.copyOf(names, capacity);
                values = Arrays.copyOf(values, capacity);
            }
            names[size] = name;
            values[size] = value;
            size++;
            return this;
        }

        /** Number added so far. */
        public int size() {
            return size;
        }

        /** The immutable parameters. */
        public Parameters build() {
            if (size == 0) {
                return EMPTY;
            }
            if (size == names.length) {
                return new Parameters(names, values); // a later add() copies before writing
            }
            return new Parameters(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
    }
}
