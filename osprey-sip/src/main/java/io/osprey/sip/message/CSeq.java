package io.osprey.sip.message;

import io.osprey.sip.uri.SipGrammar;
import java.util.Objects;

/**
 * A CSeq value (RFC 3261 §8.1.1.5, §20.16): a sequence number below 2^31 and the request method.
 *
 * @param number the sequence number, 0 to 2^31 - 1
 * @param method the method, case-sensitive
 */
public record CSeq(long number, String method) {

    /** Largest sequence number a request may carry (§8.1.1.5: "MUST be less than 2**31"). */
    public static final long MAX_NUMBER = (1L << 31) - 1;

    public CSeq {
        Objects.requireNonNull(method, "method");
        if (number < 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("CSeq number must be 0 to " + MAX_NUMBER + ", was " + number);
        }
    }

    /**
     * Parses {@code 1*DIGIT LWS Method}.
     *
     * @throws SipSyntaxException when malformed or when the number is 2^31 or more
     */
    public static CSeq parse(String value) {
        String v = value.strip();
        int i = 0;
        long number = 0;
        while (i < v.length() && SipGrammar.is(v.charAt(i), SipGrammar.DIGIT)) {
            number = number * 10 + (v.charAt(i) - '0');
            if (number > MAX_NUMBER) {
                throw new SipSyntaxException("CSeq", "sequence number too large", value, MAX_NUMBER);
            }
            i++;
        }
        if (i == 0) {
            throw new SipSyntaxException("CSeq", "missing sequence number", value);
        }
        int digitsEnd = i;
        while (i < v.length() && SipGrammar.isWsp(v.charAt(i))) {
            i++;
        }
        if (i == digitsEnd || i == v.length() || !SipGrammar.isAll(v, i, v.length(), SipGrammar.TOKEN)) {
            throw new SipSyntaxException("CSeq", "missing or malformed method", value);
        }
        return new CSeq(number, SipMethod.intern(v.substring(i)));
    }

    /** {@code number method}. */
    @Override
    public String toString() {
        return number + " " + method;
    }
}
