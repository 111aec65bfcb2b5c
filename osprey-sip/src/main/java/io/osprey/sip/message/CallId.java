package io.osprey.sip.message;

import io.osprey.sip.uri.SipGrammar;
import java.util.Objects;

/**
 * A Call-ID (RFC 3261 §8.1.1.4, §20.8): {@code word ["@" word]}, compared case-sensitively. It keys a call's
 * lane and its dialogs and transactions.
 *
 * @param value the Call-ID text
 */
public record CallId(String value) {

    public CallId {
        Objects.requireNonNull(value, "value");
    }

    /**
     * Parses and checks a Call-ID value.
     *
     * @throws SipSyntaxException when it is empty or holds characters outside {@code word} / one {@code @}
     */
    public static CallId parse(String value) {
        String v = value.strip();
        int at = v.indexOf('@');
        if (v.isEmpty() || at == 0 || at == v.length() - 1) {
            throw new SipSyntaxException("Call-ID", "empty word", value);
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!SipGrammar.is(c, SipGrammar.WORD) && (c != '@' || i != at)) {
                throw new SipSyntaxException("Call-ID", "character '" + c + "' not allowed", value);
            }
        }
        return new CallId(v);
    }

    @Override
    public String toString() {
        return value;
    }
}
