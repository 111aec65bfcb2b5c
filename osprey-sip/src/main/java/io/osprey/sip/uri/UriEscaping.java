package io.osprey.sip.uri;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** The {@code %HH} escaping of RFC 3261 §19.1.2 / §25.1 ({@code escaped = "%" HEXDIG HEXDIG}). */
public final class UriEscaping {

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private UriEscaping() {
    }

    /**
     * Replaces each {@code %HH} by its octet and decodes the octets as UTF-8. A {@code %} not followed by two hex
     * digits is kept as it is (the parser rejects those where the grammar requires escapes). Escaped NUL octets
     * stay in the result as U+0000: they never end the string.
     */
    public static String unescape(String s) {
        int first = s.indexOf('%');
        if (first < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b == '%' && i + 2 < utf8.length) {
                int hi = SipGrammar.hexValue(utf8[i + 1]);
                int lo = SipGrammar.hexValue(utf8[i + 2]);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi << 4 | lo);
                    i += 2;
                    continue;
                }
            }
            out.write(b);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * Escapes every character of {@code s} that is not in {@code allowed} (a {@link SipGrammar} class union) as
     * {@code %HH} of its UTF-8 octets; {@code %} itself is always escaped.
     */
    public static String escape(String s, int allowed) {
        if (SipGrammar.isAll(s, 0, s.length(), allowed) && s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c != '%' && SipGrammar.is(c, allowed)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
            }
        }
        return sb.toString();
    }

    /**
     * Checks that {@code s[from, to)} holds only characters of {@code allowed} or well-formed escapes.
     *
     * @return the index of the first bad character, or -1 when all are fine
     */
    public static int firstInvalid(CharSequence s, int from, int to, int allowed) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= to || SipGrammar.hexValue(s.charAt(i + 1)) < 0 || SipGrammar.hexValue(s.charAt(i + 2)) < 0) {
                    return i;
                }
                i += 2;
            } else if (!SipGrammar.is(c, allowed)) {
                return i;
            }
        }
        return -1;
    }
}
