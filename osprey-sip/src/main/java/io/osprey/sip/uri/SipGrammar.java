package io.osprey.sip.uri;

/**
 * Character classes of the SIP grammar (RFC 3261 §25.1) as one table look-up per character.
 *
 * <p>Each constant is a bit; {@link #is(int, int)} tests a character against one class or a union of classes.
 * Only US-ASCII characters belong to any class.
 */
public final class SipGrammar {

    /** ALPHA. */
    public static final int ALPHA = 1;
    /** DIGIT. */
    public static final int DIGIT = 1 << 1;
    /** HEXDIG, both cases. */
    public static final int HEX = 1 << 2;
    /** {@code token}: alphanum and {@code - . ! % * _ + ` ' ~}. */
    public static final int TOKEN = 1 << 3;
    /** {@code unreserved}: alphanum and mark {@code - _ . ! ~ * ' ( )}. */
    public static final int UNRESERVED = 1 << 4;
    /** Characters a SIP URI user part may hold unescaped: unreserved and {@code & = + $ , ; ? /}. */
    public static final int USER = 1 << 5;
    /** Characters a SIP URI password may hold unescaped: unreserved and {@code & = + $ ,}. */
    public static final int PASSWORD = 1 << 6;
    /** {@code paramchar} without escapes: unreserved and {@code [ ] / : & + $}. */
    public static final int PARAM = 1 << 7;
    /** {@code hname}/{@code hvalue} characters without escapes: unreserved and {@code [ ] / ? : + $}. */
    public static final int HEADER = 1 << 8;
    /** {@code word} (Call-ID): token characters and {@code ( ) < > : \ " / [ ] ? { }}. */
    public static final int WORD = 1 << 9;
    /** Characters of a hostname or IPv4 address: alphanum, {@code -} and {@code .}. */
    public static final int HOST = 1 << 10;
    /** Characters inside an IPv6 reference: HEXDIG, {@code :} and {@code .}. */
    public static final int IPV6 = 1 << 11;
    /** {@code reserved} of RFC 3261 / RFC 2396: {@code ; / ? : @ & = + $ ,}. */
    public static final int RESERVED = 1 << 12;
    /** SP and HTAB. */
    public static final int WSP = 1 << 13;

    private static final int[] CLASSES = new int[128];

    static {
        for (int c = 'a'; c <= 'z'; c++) {
            set(c, ALPHA | TOKEN | UNRESERVED | USER | PASSWORD | PARAM | HEADER | WORD | HOST);
            set(c - 32, ALPHA | TOKEN | UNRESERVED | USER | PASSWORD | PARAM | HEADER | WORD | HOST);
        }
        for (int c = '0'; c <= '9'; c++) {
            set(c, DIGIT | HEX | TOKEN | UNRESERVED | USER | PASSWORD | PARAM | HEADER | WORD | HOST | IPV6);
        }
        for (int c = 'a'; c <= 'f'; c++) {
            set(c, HEX | IPV6);
            set(c - 32, HEX | IPV6);
        }
        setAll("-.!%*_+`'~", TOKEN | WORD);
        setAll("-_.!~*'()", UNRESERVED | USER | PASSWORD | PARAM | HEADER);
        setAll("-.", HOST);
        setAll(":.", IPV6);
        setAll("&=+$,;?/", USER);
        setAll("&=+$,", PASSWORD);
        setAll("[]/:&+$", PARAM);
        setAll("[]/?:+$", HEADER);
        setAll("()<>:\\\"/[]?{}", WORD);
        setAll(";/?:@&=+$,", RESERVED);
        setAll(" \t", WSP);
    }

    private SipGrammar() {
    }

    private static void set(int c, int bits) {
        CLASSES[c] |= bits;
    }

    private static void setAll(String chars, int bits) {
        for (int i = 0; i < chars.length(); i++) {
            set(chars.charAt(i), bits);
        }
    }

    /** Whether {@code c} belongs to any of the classes in {@code classes}. */
    public static boolean is(int c, int classes) {
        return c >= 0 && c < 128 && (CLASSES[c] & classes) != 0;
    }

    /** Whether {@code c} is a token character. */
    public static boolean isToken(int c) {
        return is(c, TOKEN);
    }

    /** Whether {@code s} is a non-empty token. */
    public static boolean isToken(CharSequence s) {
        return isAll(s, 0, s.length(), TOKEN) && !s.isEmpty();
    }

    /** Whether every character of {@code s[from, to)} belongs to {@code classes}. */
    public static boolean isAll(CharSequence s, int from, int to, int classes) {
        for (int i = from; i < to; i++) {
            if (!is(s.charAt(i), classes)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code c} is SP or HTAB. */
    public static boolean isWsp(int c) {
        return c == ' ' || c == '\t';
    }

    /** Value of a hex digit, or -1. */
    public static int hexValue(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int lower = c | 0x20;
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }
}
