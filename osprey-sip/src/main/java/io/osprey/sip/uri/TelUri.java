package io.osprey.sip.uri;

/**
 * A tel URI (RFC 3966 §3): a global number ({@code +} and digits) or a local number that then needs a
 * {@code phone-context}, with optional parameters such as {@code ext}, {@code isub}, {@code npdi}, {@code rn}.
 */
public final class TelUri implements Uri {

    private final String number;
    private final Parameters params;
    private final String text;

    TelUri(String number, Parameters params, String text) {
        this.number = number;
        this.params = params;
        this.text = text != null ? text : "tel:" + number + params;
    }

    /** A tel URI for {@code number} ({@code +} and digits for a global number) with no parameters. */
    public static TelUri of(String number) {
        return (TelUri) UriParser.parse("tel:" + number);
    }

    @Override
    public String scheme() {
        return "tel";
    }

    /** The number as written, visual separators included: {@code +1-201-555-0123}. */
    public String number() {
        return number;
    }

    /**
     * The number without visual separators ({@code - . ( )}), as RFC 3966 §4 compares numbers:
     * {@code +12015550123}. Hex digits of local numbers are upper-cased.
     */
    public String digits() {
        StringBuilder sb = new StringBuilder(number.length());
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c != '-' && c != '.' && c != '(' && c != ')') {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    /** Whether this is a global number (starts with {@code +}). */
    public boolean isGlobal() {
        return number.startsWith("+");
    }

    /** The {@code phone-context} parameter, or null. */
    public String phoneContext() {
        return params.get("phone-context");
    }

    /** All parameters in order, values as written. */
    public Parameters params() {
        return params;
    }

    /** Value of parameter {@code name} unescaped; null when absent or a flag. */
    public String param(String name) {
        String v = params.get(name);
        return v == null ? null : UriEscaping.unescape(v);
    }

    /** A copy with parameter {@code name} set ({@code value} null for a flag). */
    public TelUri withParam(String name, String value) {
        UriParser.checkParam(name, value);
        return new TelUri(number, params.with(name, value), null);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TelUri u && text.equals(u.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
