package io.osprey.sip.auth;

/**
 * One {@code auth-param} (RFC 3261 §25.1, RFC 7235 §2.1): a name and its value, which was (or will be) written
 * either as a token or as a quoted-string. The value is stored unescaped.
 */
public record AuthParam(String name, String value, boolean quoted) {

    public AuthParam {
        if (!AuthSyntax.isToken(name)) {
            throw new IllegalArgumentException("auth-param name must be a token, was '" + name + "'");
        }
        if (value == null) {
            throw new IllegalArgumentException("auth-param " + name + " needs a value");
        }
        if (!quoted && !AuthSyntax.isToken(value)) {
            throw new IllegalArgumentException("unquoted auth-param " + name + " must be a token, was '" + value + "'");
        }
        if (quoted && !AuthSyntax.isQuotable(value)) {
            throw new IllegalArgumentException("auth-param " + name + " value must not contain CR or LF");
        }
    }

    public static AuthParam quoted(String name, String value) {
        return new AuthParam(name, value, true);
    }

    public static AuthParam token(String name, String value) {
        return new AuthParam(name, value, false);
    }

    /** Whether this parameter's name is {@code other}, ignoring case (RFC 7235 §2.1). */
    public boolean is(String other) {
        return name.equalsIgnoreCase(other);
    }

    /** {@code name=value} or {@code name="value"} with {@code "} and {@code \} escaped. */
    public String text() {
        if (!quoted) {
            return name + '=' + value;
        }
        StringBuilder out = new StringBuilder(name.length() + value.length() + 3).append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }
}
