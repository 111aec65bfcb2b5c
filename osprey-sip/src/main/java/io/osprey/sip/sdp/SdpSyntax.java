package io.osprey.sip.sdp;

/** Character classes of the RFC 8866 §9 grammar, shared by the parser and the model's own checks. */
final class SdpSyntax {

    private SdpSyntax() {
    }

    /** {@code token-char} of RFC 8866 §9. */
    static boolean isTokenChar(char c) {
        return c == 0x21 || (c >= 0x23 && c <= 0x27) || c == 0x2A || c == 0x2B || c == 0x2D || c == 0x2E
                || (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x5E && c <= 0x7E);
    }

    static boolean isToken(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isTokenChar(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /** A non-empty run of characters other than SP, NUL, CR and LF: one field of a space-separated line. */
    static boolean isWord(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    /** {@code byte-string} content: no NUL, CR or LF (RFC 8866 §9); may be empty here, callers check. */
    static boolean isText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0 || c == '\r' || c == '\n') {
                return false;
            }
        }
        return true;
    }

    static String requireWord(String field, String value) {
        if (value == null || !isWord(value)) {
            throw new IllegalArgumentException(field + " must be a non-empty word without spaces, was '" + value + "'");
        }
        return value;
    }

    static String requireDigits(String field, String value) {
        if (value == null || !isDigits(value)) {
            throw new IllegalArgumentException(field + " must be decimal digits, was '" + value + "'");
        }
        return value;
    }

    static String requireText(String field, String value) {
        if (value == null || value.isEmpty() || !isText(value)) {
            throw new IllegalArgumentException(field + " must be non-empty text without NUL, CR or LF, was '" + value + "'");
        }
        return value;
    }

    /** Null stays null; otherwise as {@link #requireText}. */
    static String optionalText(String field, String value) {
        return value == null ? null : requireText(field, value);
    }

    static String requireToken(String field, String value) {
        if (value == null || !isToken(value)) {
            throw new IllegalArgumentException(field + " must be an RFC 8866 token, was '" + value + "'");
        }
        return value;
    }
}
