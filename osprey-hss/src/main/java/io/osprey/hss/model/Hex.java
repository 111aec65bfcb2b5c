package io.osprey.hss.model;

import java.util.HexFormat;

/** Hex text ↔ octets for keys and other binary fields, with errors that name the field. */
public final class Hex {

    private static final HexFormat LOWER = HexFormat.of();

    private Hex() {
    }

    /**
     * Decodes exactly {@code octets} octets from {@code text} (upper or lower case, no separators).
     *
     * @throws InvalidValueException naming {@code field} on a wrong length or a non-hex character
     */
    public static byte[] decode(String field, String text, int octets) {
        Checks.notNull(field, text);
        if (text.length() != octets * 2) {
            throw new InvalidValueException(field, "must be " + (octets * 2) + " hex digits (" + octets
                    + " octets), was " + text.length() + " characters");
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                throw new InvalidValueException(field,
                        "is not hex: '" + text.charAt(i) + "' at index " + i);
            }
        }
        return LOWER.parseHex(text);
    }

    /** Lower-case hex of {@code octets}. */
    public static String encode(byte[] octets) {
        return LOWER.formatHex(octets);
    }
}
