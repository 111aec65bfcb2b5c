package io.osprey.cscf.numbers;

import io.osprey.sip.uri.TelUri;
import java.util.Objects;

/** What {@link NumberNormalizer} made of a URI or dialled string. */
public sealed interface NormalizedNumber {

    /**
     * An E.164 global number.
     *
     * @param e164 {@code +} and 1 to 15 digits, no separators
     */
    record Global(String e164) implements NormalizedNumber {

        /** Most digits in an E.164 number (ITU-T E.164 §6). */
        public static final int MAX_DIGITS = 15;

        public Global {
            Objects.requireNonNull(e164, "e164");
            if (e164.length() < 2 || e164.length() > MAX_DIGITS + 1 || e164.charAt(0) != '+'
                    || !NumberNormalizer.allDecimal(e164, 1)) {
                throw new IllegalArgumentException("not an E.164 number: '" + e164 + "'");
            }
        }

        /** The digits without the {@code +}. */
        public String digits() {
            return e164.substring(1);
        }

        /** As a tel URI, {@code tel:+15551230001} (TS 24.229 §5.4.3.2 translation of a user=phone SIP URI). */
        public TelUri toTelUri() {
            return TelUri.of(e164);
        }
    }

    /**
     * A number that is valid only in a context and could not be made global: a short code or service number, or a
     * number in a context that is not the home network.
     *
     * @param number  the digits (and {@code * #} or hex digits) without visual separators
     * @param context the {@code phone-context}: a domain name or a {@code +} global prefix
     */
    record Local(String number, String context) implements NormalizedNumber {

        public Local {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(context, "context");
        }
    }

    /**
     * Not a telephone number at all, or a malformed one.
     *
     * @param reason why, for logs and error responses
     */
    record NotANumber(String reason) implements NormalizedNumber {

        public NotANumber {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
