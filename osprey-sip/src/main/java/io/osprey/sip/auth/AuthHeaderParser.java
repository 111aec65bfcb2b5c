package io.osprey.sip.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses one challenge or credentials header value (RFC 3261 §25.1 {@code challenge} / {@code credentials},
 * RFC 7235 §2.1): {@code scheme 1*SP auth-param *(COMMA auth-param)} where each value is a token or a
 * quoted-string (with {@code \} escapes and commas allowed inside), whitespace is allowed around {@code =} and
 * commas, empty list elements are skipped (RFC 7230 §7), or {@code scheme 1*SP token68}. Parameter names are
 * kept as written and compared case-insensitively; a name may appear only once. Input is bounded in length and
 * parameter count.
 */
public final class AuthHeaderParser {

    /** 8192 characters, 64 parameters. */
    public static final AuthHeaderParser DEFAULT = new AuthHeaderParser(8192, 64);

    private final int maxLength;
    private final int maxParams;

    public AuthHeaderParser(int maxLength, int maxParams) {
        if (maxLength < 1 || maxParams < 1) {
            throw new IllegalArgumentException("auth header limits must be at least 1, were " + maxLength + " and "
                    + maxParams);
        }
        this.maxLength = maxLength;
        this.maxParams = maxParams;
    }

    /** Parses with {@link #DEFAULT}. */
    public static AuthHeaderValue parseValue(String header) {
        return DEFAULT.parse(header);
    }

    public AuthHeaderValue parse(String header) {
        if (header.length() > maxLength) {
            throw new AuthParseException("maxLength", Integer.toString(header.length()), 0,
                    "header value length exceeds limit " + maxLength);
        }
        Cursor in = new Cursor(header);
        in.skipWhitespace();
        String scheme = in.token();
        if (scheme.isEmpty()) {
            throw new AuthParseException("scheme", header, in.position, "expected an auth-scheme token");
        }
        int afterScheme = in.position;
        in.skipWhitespace();
        if (in.atEnd()) {
            return AuthHeaderValue.of(scheme, List.of());
        }
        if (in.position == afterScheme) {
            throw new AuthParseException("scheme", header, in.position, "expected a space after the auth-scheme");
        }
        // Digest always uses auth-params (RFC 7616 §3.3); other schemes may carry one token68 instead.
        String token68 = scheme.equalsIgnoreCase(AuthHeaderValue.DIGEST) ? null : token68(header, in.position);
        if (token68 != null) {
            return new AuthHeaderValue(scheme, List.of(), token68);
        }
        return AuthHeaderValue.of(scheme, params(in));
    }

    /** The rest of the header if it is one token68 (which cannot be an auth-param list), else null. */
    private static String token68(String header, int start) {
        String rest = header.substring(start).strip();
        return AuthSyntax.isToken68(rest) ? rest : null;
    }

    private List<AuthParam> params(Cursor in) {
        List<AuthParam> params = new ArrayList<>();
        while (true) {
            in.skipWhitespace();
            while (in.peek() == ',') {
                in.position++;
                in.skipWhitespace();
            }
            if (in.atEnd()) {
                return params;
            }
            if (params.size() == maxParams) {
                throw new AuthParseException("maxParams", Integer.toString(params.size() + 1), in.position,
                        "parameter count exceeds limit " + maxParams);
            }
            params.add(param(in, params));
            in.skipWhitespace();
            if (!in.atEnd() && in.peek() != ',') {
                throw new AuthParseException(params.get(params.size() - 1).name(), in.text, in.position,
                        "expected ',' between auth-params");
            }
        }
    }

    private static AuthParam param(Cursor in, List<AuthParam> seen) {
        int start = in.position;
        String name = in.token();
        if (name.isEmpty()) {
            throw new AuthParseException("auth-param", in.text, start, "expected a parameter name");
        }
        for (AuthParam earlier : seen) {
            if (earlier.is(name)) {
                throw new AuthParseException(name, in.text, start, "parameter appears twice");
            }
        }
        in.skipWhitespace();
        if (in.peek() != '=') {
            throw new AuthParseException(name, in.text, in.position, "expected '=' after the parameter name");
        }
        in.position++;
        in.skipWhitespace();
        if (in.peek() == '"') {
            return AuthParam.quoted(name, in.quotedString(name));
        }
        String value = in.token();
        if (value.isEmpty()) {
            throw new AuthParseException(name, in.text, in.position, "expected a token or quoted-string value");
        }
        return AuthParam.token(name, value);
    }

    /** A position in the header text. */
    private static final class Cursor {
        private final String text;
        private int position;

        Cursor(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return atEnd() ? 0 : text.charAt(position);
        }

        void skipWhitespace() {
            while (!atEnd() && AuthSyntax.isWhitespace(text.charAt(position))) {
                position++;
            }
        }

        String token() {
            int start = position;
            while (!atEnd() && AuthSyntax.isTokenChar(text.charAt(position))) {
                position++;
            }
            return text.substring(start, position);
        }

        /** Reads {@code "..."} starting at the opening quote, resolving {@code \} escapes (RFC 3261 quoted-pair). */
        String quotedString(String name) {
            int start = position;
            position++;
            StringBuilder value = new StringBuilder();
            while (!atEnd()) {
                char c = text.charAt(position++);
                if (c == '"') {
                    return value.toString();
                }
                if (c == '\\') {
                    if (atEnd()) {
                        break;
                    }
                    c = text.charAt(position++);
                }
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new AuthParseException(name, text, position - 1, "CR, LF or NUL inside a quoted-string");
                }
                value.append(c);
            }
            throw new AuthParseException(name, text, start, "unterminated quoted-string");
        }
    }
}
