package io.osprey.sip.auth;

/** Character classes of RFC 3261 §25.1 used by the authentication headers. */
final class AuthSyntax {

    private AuthSyntax() {
    }

    /** RFC 3261 {@code token}: alphanum and {@code -.!%*_+`'~}. */
    static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '!' || c == '%' || c == '*' || c == '_' || c == '+' || c == '`'
                || c == '\'' || c == '~';
    }

    static boolean isToken(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** RFC 7235 §2.1 {@code token68} character (before the trailing {@code =} padding). */
    static boolean isToken68Char(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    static boolean isToken68(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '=') {
            end--;
        }
        if (end == 0) {
            return false;
        }
        for (int i = 0; i < end; i++) {
            if (!isToken68Char(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Whether a value can be written as a quoted-string: anything but CR, LF and NUL. */
    static boolean isQuotable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
