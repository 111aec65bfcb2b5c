package io.osprey.sip.pheaders;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;
import java.util.Objects;

/**
 * A P-Charging-Vector value (RFC 7315 §4.6, §5.6; TS 24.229 §7.2A.5): the IMS charging identifier
 * {@code icid-value} that correlates charging records of one session, where it was generated, the originating and
 * terminating inter-operator identifiers, and any other parameters (access-network charging information,
 * {@code transit-ioi}, {@code related-icid}...) in their order, values as written.
 *
 * <p>The four named values are held unquoted; {@link #toString()} quotes a value unless it is a token or an IPv6
 * reference, so {@code parse(v.toString())} equals {@code v}.
 *
 * @param icidValue       the ICID; required, not empty
 * @param icidGeneratedAt the host or address of the node that generated it, or null
 * @param origIoi         the originating IOI, or null
 * @param termIoi         the terminating IOI, or null
 * @param otherParams     the other parameters in order, none of them one of the four above
 */
public record ChargingVector(String icidValue, String icidGeneratedAt, String origIoi, String termIoi,
                            Parameters otherParams) {

    /** The header name. */
    public static final String HEADER = SipHeaderName.P_CHARGING_VECTOR.canonical();

    private static final String ICID_VALUE = "icid-value";
    private static final String ICID_GENERATED_AT = "icid-generated-at";
    private static final String ORIG_IOI = "orig-ioi";
    private static final String TERM_IOI = "term-ioi";

    public ChargingVector {
        Objects.requireNonNull(icidValue, "icidValue");
        if (icidValue.isEmpty()) {
            throw new IllegalArgumentException("icid-value must not be empty");
        }
        Objects.requireNonNull(otherParams, "otherParams");
        for (int i = 0; i < otherParams.size(); i++) {
            String name = otherParams.name(i);
            String value = otherParams.value(i);
            if (isKnown(name)) {
                throw new IllegalArgumentException(name + " has a component of its own, not an other parameter");
            }
            if (!SipGrammar.isToken(name) || (value != null && !ParamListScanner.isGenValue(value))) {
                throw new IllegalArgumentException("malformed P-Charging-Vector parameter " + name + "=" + value);
            }
        }
    }

    /** A vector with only {@code icid-value}. */
    public static ChargingVector of(String icidValue) {
        return new ChargingVector(icidValue, null, null, null, Parameters.EMPTY);
    }

    /** Parses a header value with {@link PHeaderLimits#DEFAULT}. */
    public static ChargingVector parse(String value) {
        return parse(value, PHeaderLimits.DEFAULT);
    }

    /**
     * Parses a header value.
     *
     * @throws SipSyntaxException when malformed, when {@code icid-value} is missing or empty, when a named
     *                            parameter repeats, or when a limit is passed
     */
    public static ChargingVector parse(String value, PHeaderLimits limits) {
        Parameters all = ParamListScanner.scan(HEADER, value, limits);
        String[] known = new String[4];
        Parameters.Builder others = new Parameters.Builder();
        for (int i = 0; i < all.size(); i++) {
            String name = all.name(i);
            int slot = slot(name);
            if (slot < 0) {
                others.add(name, all.value(i));
                continue;
            }
            if (known[slot] != null) {
                throw new SipSyntaxException(HEADER, name + " appears twice", value);
            }
            if (all.value(i) == null) {
                throw new SipSyntaxException(HEADER, name + " without a value", value);
            }
            known[slot] = HeaderValues.unquote(all.value(i));
        }
        if (known[0] == null || known[0].isEmpty()) {
            throw new SipSyntaxException(HEADER, "missing or empty icid-value", value);
        }
        return new ChargingVector(known[0], known[1], known[2], known[3], others.build());
    }

    /** A copy with {@code icid-generated-at} set (null removes it). */
    public ChargingVector withIcidGeneratedAt(String host) {
        return new ChargingVector(icidValue, host, origIoi, termIoi, otherParams);
    }

    /** A copy with {@code orig-ioi} set (null removes it). */
    public ChargingVector withOrigIoi(String ioi) {
        return new ChargingVector(icidValue, icidGeneratedAt, ioi, termIoi, otherParams);
    }

    /** A copy with {@code term-ioi} set (null removes it). */
    public ChargingVector withTermIoi(String ioi) {
        return new ChargingVector(icidValue, icidGeneratedAt, origIoi, ioi, otherParams);
    }

    /** A copy with other parameter {@code name} set to {@code rawValue} as written (null for a flag). */
    public ChargingVector withParam(String name, String rawValue) {
        return new ChargingVector(icidValue, icidGeneratedAt, origIoi, termIoi, otherParams.with(name, rawValue));
    }

    /** A copy without other parameter {@code name}. */
    public ChargingVector withoutParam(String name) {
        return new ChargingVector(icidValue, icidGeneratedAt, origIoi, termIoi, otherParams.without(name));
    }

    /** Other parameter {@code name} with quotes removed; null when absent or a flag. */
    public String param(String name) {
        String v = otherParams.get(name);
        return v == null ? null : HeaderValues.unquote(v);
    }

    /** The header value: {@code icid-value}, {@code icid-generated-at}, {@code orig-ioi}, {@code term-ioi}, others. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(96).append(ICID_VALUE).append('=')
                .append(ParamListScanner.genValue(icidValue));
        append(sb, ICID_GENERATED_AT, icidGeneratedAt);
        append(sb, ORIG_IOI, origIoi);
        append(sb, TERM_IOI, termIoi);
        return otherParams.appendTo(sb, ';', ';').toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append(';').append(name).append('=').append(ParamListScanner.genValue(value));
        }
    }

    private static boolean isKnown(String name) {
        return slot(name) >= 0;
    }

    private static int slot(String name) {
        if (name.equalsIgnoreCase(ICID_VALUE)) {
            return 0;
        }
        if (name.equalsIgnoreCase(ICID_GENERATED_AT)) {
            return 1;
        }
        if (name.equalsIgnoreCase(ORIG_IOI)) {
            return 2;
        }
        return name.equalsIgnoreCase(TERM_IOI) ? 3 : -1;
    }
}
