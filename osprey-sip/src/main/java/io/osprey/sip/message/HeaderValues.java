package io.osprey.sip.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for header values: splitting comma-separated lists (RFC 3261 §7.3.1) and the quoted-string
 * syntax of §25.1 ({@code quoted-string = SWS DQUOTE *(qdtext / quoted-pair) DQUOTE}).
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /**
     * Splits {@code value} on commas that are outside quoted strings and outside {@code <...>}; each element is
     * trimmed. Empty elements are kept, so that a typed parser can reject them. An unterminated quote or bracket
     * runs to the end of the value.
     */
    public static List<String> split(String value) {
        int comma = nextTopLevelComma(value, 0);
        if (comma < 0) {
            return List.of(value.strip());
        }
        List<String> parts = new ArrayList<>(4);
        int start = 0;
        while (comma >= 0) {
            parts.add(value.substring(start, comma).strip());
            start = comma + 1;
            comma = nextTopLevelComma(value, start);
        }
        parts.add(value.substring(start).strip());
        return List.copyOf(parts);
    }

    /** Index of the next comma at or after {@code from} outside quotes and angle brackets, or -1. */
    static int nextTopLevelComma(String s, int from) {
        boolean quoted = false;
        boolean bracketed = false;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    quoted = false;
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == '<') {
                bracketed = true;
            } else if (c == '>') {
                bracketed = false;
            } else if (c == ',' && !bracketed) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code s} starts and ends with a double quote. */
    public static boolean isQuoted(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"';
    }

    /** The content of a quoted string with quoted-pairs resolved; other strings unchanged. */
    public static String unquote(String s) {
        if (!isQuoted(s)) {
            return s;
        }
        if (s.indexOf('\\') < 0) {
            return s.substring(1, s.length() - 1);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 1; i < s.length() - 1; i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() - 1) {
                c = s.charAt(++i);
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /**
     * {@code s} as a quoted string (RFC 3261 §25.1): {@code "}, {@code \} and control characters other than tab
     * written as quoted-pairs, which is how a decoded quoted-pair such as {@code \<0x1C>} goes out again. CR and LF
     * have no quoted-pair and become spaces, so a value can never end the header line.
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n') {
                c = ' ';
            } else if (c == '"' || c == '\\' || (c < 0x20 && c != '\t') || c == 0x7F) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('"').toString();
    }
}
