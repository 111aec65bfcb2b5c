package io.osprey.cscf.numbers;

import io.osprey.cscf.numbers.NormalizedNumber.Global;
import io.osprey.cscf.numbers.NormalizedNumber.Local;
import io.osprey.cscf.numbers.NormalizedNumber.NotANumber;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import io.osprey.sip.uri.UriSyntaxException;
import java.util.Objects;

/**
 * Turns the telephone number in a Request-URI into an E.164 global number, as the S-CSCF does before routing a
 * number (TS 24.229 §5.4.3.2) and as RFC 3966 defines the meaning of a tel URI:
 * <ul>
 *   <li>a tel URI, or a SIP URI with {@code user=phone} whose user part is a {@code telephone-subscriber}
 *       (RFC 3966 §5.1.1, RFC 3261 §19.1.1);</li>
 *   <li>a SIP URI without {@code user=phone} whose host is the home domain and whose user part looks like a
 *       dialled number ({@code +}, digits, {@code * #} and visual separators), as UEs send what the user dialled.
 *       </li>
 * </ul>
 * Visual separators {@code - . ( )} are removed (RFC 3966 §5.1.1). A global number ({@code +...}) is taken as is.
 * A local number is resolved by its {@code phone-context} (RFC 3966 §5.1.5; TS 24.229 §7.2A.10):
 * <ul>
 *   <li>a global-number context such as {@code +44} is prefixed: {@code 1234;phone-context=+44} is
 *       {@code +441234};</li>
 *   <li>a domain context equal to the home domain (ignoring case), or no context in a dialled string, means the
 *       number was dialled in the home network: the international prefix becomes {@code +}, the national prefix
 *       becomes {@code +} and the country code, and anything else (short codes, service numbers) stays
 *       {@link Local} in the home domain;</li>
 *   <li>any other domain context leaves the number {@link Local} in that context.</li>
 * </ul>
 * A result of more than 15 digits is not E.164 and yields {@link NotANumber}. Stateless and thread-safe.
 */
public final class NumberNormalizer {

    private static final String PHONE_CONTEXT = "phone-context";

    private final NumberingPlan plan;

    public NumberNormalizer(NumberingPlan plan) {
        this.plan = Objects.requireNonNull(plan, "plan");
    }

    /** The numbering plan in use. */
    public NumberingPlan plan() {
        return plan;
    }

    /** Normalises a URI given as text; text that is not a URI is {@link NotANumber}. */
    public NormalizedNumber normalize(String uriText) {
        try {
            return normalize(UriParser.parse(uriText));
        } catch (UriSyntaxException e) {
            return new NotANumber("not a URI: " + e.getMessage());
        }
    }

    /** Normalises the number in {@code uri}. */
    public NormalizedNumber normalize(Uri uri) {
        return switch (uri) {
            case TelUri tel -> subscriber(tel.number(), tel.isGlobal() ? null : tel.phoneContext());
            case SipUri sip -> sip(sip);
            default -> new NotANumber(uri.scheme() + " URI is not a telephone number");
        };
    }

    /** Normalises a string the user dialled in the home network, e.g. {@code 0151 1234567} without spaces. */
    public NormalizedNumber dialled(String number) {
        if (!isDialString(number)) {
            return new NotANumber("not a dialled number: '" + number + "'");
        }
        return subscriber(number, null);
    }

    private NormalizedNumber sip(SipUri sip) {
        String user = sip.user();
        if (user == null) {
            return new NotANumber("SIP URI without a user part");
        }
        if ("phone".equalsIgnoreCase(sip.userParam())) {
            int semi = user.indexOf(';');
            String number = semi < 0 ? user : user.substring(0, semi);
            String context = semi < 0 ? null : phoneContext(user.substring(semi + 1));
            if (!number.startsWith("+") && context == null && !isHome(sip.host())) {
                return new NotANumber("local number without phone-context outside the home domain: " + sip);
            }
            if (!isSubscriberNumber(number, context == null || number.startsWith("+"))) {
                return new NotANumber("user part is not a telephone number: '" + number + "'");
            }
            return subscriber(number, number.startsWith("+") ? null : context);
        }
        if (isHome(sip.host()) && isDialString(user)) {
            return subscriber(user, null);
        }
        return new NotANumber("SIP URI without user=phone: " + sip);
    }

    /** The {@code phone-context} among {@code ;}-separated user-part parameters, or null. */
    private static String phoneContext(String params) {
        int start = 0;
        while (start <= params.length()) {
            int end = params.indexOf(';', start);
            end = end < 0 ? params.length() : end;
            int eq = params.indexOf('=', start);
            if (eq - start == PHONE_CONTEXT.length() && eq < end
                    && params.regionMatches(true, start, PHONE_CONTEXT, 0, PHONE_CONTEXT.length())) {
                return params.substring(eq + 1, end);
            }
            start = end + 1;
        }
        return null;
    }

    /**
     * Resolves a number whose syntax was checked: global when it starts with {@code +}, else by {@code context}
     * (null means dialled in the home network).
     */
    private NormalizedNumber subscriber(String written, String context) {
        String number = stripVisualSeparators(written);
        if (number.startsWith("+")) {
            return global(number.substring(1), written);
        }
        if (context == null) {
            return home(number, plan.homeDomain(), written);
        }
        if (context.startsWith("+")) {
            String prefix = stripVisualSeparators(context.substring(1));
            if (prefix.isEmpty() || !allDecimal(prefix, 0)) {
                return new NotANumber("phone-context '" + context + "' is neither a domain nor a global prefix");
            }
            return allDecimal(number, 0) ? global(prefix + number, written) : new Local(number, context);
        }
        if (isHome(context)) {
            return home(number, context, written);
        }
        return new Local(number, context);
    }

    /** A number dialled in the home network, by the plan's prefixes. */
    private NormalizedNumber home(String number, String context, String written) {
        if (!allDecimal(number, 0)) {
            return new Local(number, context);
        }
        String international = plan.internationalPrefix();
        if (!international.isEmpty() && number.startsWith(international)) {
            return global(number.substring(international.length()), written);
        }
        String national = plan.nationalPrefix();
        if (!national.isEmpty() && number.startsWith(national) && number.length() > national.length()) {
            return global(plan.countryCode() + number.substring(national.length()), written);
        }
        return new Local(number, context);
    }

    private static NormalizedNumber global(String digits, String written) {
        if (digits.isEmpty() || !allDecimal(digits, 0)) {
            return new NotANumber("not a global number: '" + written + "'");
        }
        if (digits.length() > Global.MAX_DIGITS) {
            return new NotANumber("more than " + Global.MAX_DIGITS + " digits: '" + written + "'");
        }
        return new Global("+" + digits);
    }

    private boolean isHome(String domain) {
        return domain != null && domain.equalsIgnoreCase(plan.homeDomain());
    }

    /** {@code [+] 1*(digit / * / # / visual-separator)} with at least one digit. */
    private static boolean isDialString(String s) {
        return isSubscriberNumber(s, true) && !s.isEmpty();
    }

    /**
     * A global number ({@code +}, digits and separators) or, when {@code !decimalOnly}, a local number (hex digits,
     * {@code * #} and separators); with {@code decimalOnly}, local numbers may hold only digits, {@code *} and
     * {@code #}. At least one digit.
     */
    private static boolean isSubscriberNumber(String s, boolean decimalOnly) {
        boolean global = s.startsWith("+");
        int digits = 0;
        for (int i = global ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (isVisualSeparator(c)) {
                continue;
            } else if (global) {
                return false;
            } else if (c == '*' || c == '#') {
                continue;
            } else if (decimalOnly || !isHex(c)) {
                return false;
            } else {
                digits++;
            }
        }
        return digits > 0;
    }

    private static String stripVisualSeparators(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isVisualSeparator(c)) {
                sb.append(Character.toUpperCase(c));
            }
        }
        return sb.toString();
    }

    private static boolean isVisualSeparator(char c) {
        return c == '-' || c == '.' || c == '(' || c == ')';
    }

    private static boolean isHex(char c) {
        return (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Whether {@code s[from..]} is all decimal digits (true when empty). */
    static boolean allDecimal(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
