package io.osprey.hss.model;

/**
 * A private user identity (IMPI), TS 23.228 §4.3.3.1: a network access identifier {@code username@realm}
 * (RFC 4282), for example {@code 001010000000001@ims.mnc001.mcc001.3gppnetwork.org} (TS 23.003 §13.3).
 * Compared exactly, as the Cx User-Name AVP is.
 *
 * @param value the NAI, at most {@value #MAX_LENGTH} characters
 */
public record Impi(String value) implements Comparable<Impi> {

    /** Longest IMPI accepted. */
    public static final int MAX_LENGTH = 255;

    public Impi {
        Checks.token("impi", value, MAX_LENGTH);
        int at = value.lastIndexOf('@');
        if (at <= 0 || at == value.length() - 1) {
            throw new InvalidValueException("impi", "must be a NAI username@realm, was \"" + value + "\"");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '<' || c == '>' || c == '"') {
                throw new InvalidValueException("impi", "must not contain '" + c + "': \"" + value + "\"");
            }
        }
    }

    /** The realm after the last {@code @}. */
    public String realm() {
        return value.substring(value.lastIndexOf('@') + 1);
    }

    /** The username before the last {@code @}. */
    public String username() {
        return value.substring(0, value.lastIndexOf('@'));
    }

    @Override
    public int compareTo(Impi other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
