package io.osprey.sip.message;

import java.util.Objects;

/**
 * A Via {@code branch} parameter (RFC 3261 §8.1.1.7): the transaction identifier. Branches made by RFC 3261
 * elements start with the {@link #MAGIC_COOKIE}; others come from RFC 2543 peers, whose transactions are
 * matched the old way (§17.2.3). A branch that is the cookie alone carries no identifier (RFC 4475 §3.2.1).
 *
 * @param value the branch text, compared case-sensitively
 */
public record Branch(String value) {

    /** "z9hG4bK". */
    public static final String MAGIC_COOKIE = "z9hG4bK";

    public Branch {
        Objects.requireNonNull(value, "value");
    }

    /** Whether this branch starts with the magic cookie and has an identifier after it. */
    public boolean isRfc3261() {
        return value.length() > MAGIC_COOKIE.length() && value.startsWith(MAGIC_COOKIE);
    }

    @Override
    public String toString() {
        return value;
    }
}
