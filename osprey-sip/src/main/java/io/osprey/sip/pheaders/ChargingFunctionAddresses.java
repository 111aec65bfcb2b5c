package io.osprey.sip.pheaders;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A P-Charging-Function-Addresses value (RFC 7315 §4.5, §5.5, as TS 24.229 uses it): the addresses
 * of the charging collection functions ({@code ccf}, offline) and event charging functions ({@code ecf}, online),
 * primary first, and any other parameters in order with values as written.
 *
 * <p>Addresses are held unquoted; {@link #toString()} writes every {@code ccf}, then every {@code ecf}, then the
 * other parameters, quoting an address unless it is a token or an IPv6 reference, so
 * {@code parse(v.toString())} equals {@code v}.
 *
 * @param ccf         CCF addresses in order of preference
 * @param ecf         ECF addresses in order of preference
 * @param otherParams other parameters, neither {@code ccf} nor {@code ecf}
 */
public record ChargingFunctionAddresses(List<String> ccf, List<String> ecf, Parameters otherParams) {

    /** The header name. */
    public static final String HEADER = SipHeaderName.P_CHARGING_FUNCTION_ADDRESSES.canonical();

    public ChargingFunctionAddresses {
        ccf = List.copyOf(ccf);
        ecf = List.copyOf(ecf);
        Objects.requireNonNull(otherParams, "otherParams");
        if (ccf.isEmpty() && ecf.isEmpty()) {
            throw new IllegalArgumentException("P-Charging-Function-Addresses needs at least one ccf or ecf");
        }
        for (String address : ccf) {
            requireAddress("ccf", address);
        }
        for (String address : ecf) {
            requireAddress("ecf", address);
        }
        for (int i = 0; i < otherParams.size(); i++) {
            String name = otherParams.name(i);
            String value = otherParams.value(i);
            if (name.equalsIgnoreCase("ccf") || name.equalsIgnoreCase("ecf")) {
                throw new IllegalArgumentException(name + " has a component of its own, not an other parameter");
            }
            if (!SipGrammar.isToken(name) || (value != null && !ParamListScanner.isGenValue(value))) {
                throw new IllegalArgumentException("malformed P-Charging-Function-Addresses parameter " + name
                        + "=" + value);
            }
        }
    }

    /** Addresses without other parameters. */
    public static ChargingFunctionAddresses of(List<String> ccf, List<String> ecf) {
        return new ChargingFunctionAddresses(ccf, ecf, Parameters.EMPTY);
    }

    /** Parses a header value with {@link PHeaderLimits#DEFAULT}. */
    public static ChargingFunctionAddresses parse(String value) {
        return parse(value, PHeaderLimits.DEFAULT);
    }

    /**
     * Parses a header value.
     *
     * @throws SipSyntaxException when malformed, without any {@code ccf} or {@code ecf}, with an empty address,
     *                            or past a limit
     */
    public static ChargingFunctionAddresses parse(String value, PHeaderLimits limits) {
        Parameters all = ParamListScanner.scan(HEADER, value, limits);
        List<String> ccf = new ArrayList<>(2);
        List<String> ecf = new ArrayList<>(2);
        Parameters.Builder others = new Parameters.Builder();
        for (int i = 0; i < all.size(); i++) {
            String name = all.name(i);
            boolean isCcf = name.equalsIgnoreCase("ccf");
            if (!isCcf && !name.equalsIgnoreCase("ecf")) {
                others.add(name, all.value(i));
                continue;
            }
            String address = all.value(i) == null ? "" : HeaderValues.unquote(all.value(i));
            if (address.isEmpty()) {
                throw new SipSyntaxException(HEADER, name + " without an address", value);
            }
            (isCcf ? ccf : ecf).add(address);
        }
        if (ccf.isEmpty() && ecf.isEmpty()) {
            throw new SipSyntaxException(HEADER, "neither ccf nor ecf", value);
        }
        return new ChargingFunctionAddresses(ccf, ecf, others.build());
    }

    /** The header value. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(64);
        for (String address : ccf) {
            append(sb, "ccf", address);
        }
        for (String address : ecf) {
            append(sb, "ecf", address);
        }
        return otherParams.appendTo(sb, ';', ';').toString();
    }

    private static void append(StringBuilder sb, String name, String address) {
        if (!sb.isEmpty()) {
            sb.append(';');
        }
        sb.append(name).append('=').append(ParamListScanner.genValue(address));
    }

    private static void requireAddress(String name, String address) {
        Objects.requireNonNull(address, name);
        if (address.isEmpty()) {
            throw new IllegalArgumentException(name + " address must not be empty");
        }
    }
}
