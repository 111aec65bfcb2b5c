package io.osprey.sip.secagree;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipSyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses and formats the value of a Security-Client, Security-Server or Security-Verify header (RFC 3329 §2.2):
 * {@code sec-mechanism *(COMMA sec-mechanism)}. Commas inside quoted values do not split. Every failure is a
 * {@link SipSyntaxException} naming the header and, for a size, the limit.
 */
public final class SecurityMechanisms {

    private SecurityMechanisms() {
    }

    /** Parses one header value with {@link SecurityHeaderLimits#DEFAULT}; errors name "Security-Client". */
    public static List<SecurityMechanism> parse(String value) {
        return parse(SipHeaderName.SECURITY_CLIENT.canonical(), List.of(value), SecurityHeaderLimits.DEFAULT);
    }

    /** Parses one header value of header {@code headerName} with {@link SecurityHeaderLimits#DEFAULT}. */
    public static List<SecurityMechanism> parse(String headerName, String value) {
        return parse(headerName, List.of(value), SecurityHeaderLimits.DEFAULT);
    }

    /**
     * Parses the values of every line of header {@code headerName}, in order, as one list (RFC 3261 §7.3.1).
     *
     * @throws SipSyntaxException if a value is malformed, empty, too long, or the mechanisms are too many
     */
    public static List<SecurityMechanism> parse(String headerName, List<String> values, SecurityHeaderLimits limits) {
        List<SecurityMechanism> out = new ArrayList<>(4);
        for (String value : values) {
            if (value.length() > limits.maxLength()) {
                throw new SipSyntaxException(headerName, "value too long: " + value.length() + " characters", value,
                        limits.maxLength());
            }
            for (String element : HeaderValues.split(value)) {
                if (element.isEmpty()) {
                    throw new SipSyntaxException(headerName, "empty sec-mechanism", value);
                }
                if (out.size() == limits.maxMechanisms()) {
                    throw new SipSyntaxException(headerName, "too many mechanisms", value, limits.maxMechanisms());
                }
                out.add(new MechanismScanner(headerName, element, limits.maxParams()).mechanism());
            }
        }
        return List.copyOf(out);
    }

    /** The mechanisms of header {@code header} (one of the three Security-* headers) in {@code message}. */
    public static List<SecurityMechanism> from(SipMessage message, SipHeaderName header) {
        return parse(header.canonical(), message.headers(header.canonical()), SecurityHeaderLimits.DEFAULT);
    }

    /** The header value: mechanisms separated by {@code ", "}. */
    public static String format(List<SecurityMechanism> mechanisms) {
        if (mechanisms.isEmpty()) {
            throw new IllegalArgumentException("a Security-* header needs at least one mechanism");
        }
        StringBuilder sb = new StringBuilder(64 * mechanisms.size());
        for (SecurityMechanism m : mechanisms) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(m);
        }
        return sb.toString();
    }
}
