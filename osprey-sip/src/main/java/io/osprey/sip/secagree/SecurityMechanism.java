package io.osprey.sip.secagree;

import io.osprey.sip.message.HeaderValues;
import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code sec-mechanism} of a Security-Client, Security-Server or Security-Verify header (RFC 3329 §2.2): a
 * mechanism name such as {@code ipsec-3gpp} (TS 33.203 Annex H), {@code tls} or {@code digest}, compared without
 * regard to case, and its parameters in order with values as written (quoted values keep their quotes).
 *
 * <p>The parameters this class reads are checked on construction: {@code q} must be an RFC 3329 {@code qvalue},
 * {@code spi-c} and {@code spi-s} 32-bit unsigned decimals, {@code port-c} and {@code port-s} ports 1 to 65535
 * (TS 33.203 Annex H.2). A parameter name may appear once.
 *
 * @param name   the mechanism name as written
 * @param params the mechanism parameters
 */
public record SecurityMechanism(String name, Parameters params) {

    /** IPsec with manually keyed SAs derived from IMS AKA (TS 33.203 §7, Annex H). */
    public static final String IPSEC_3GPP = "ipsec-3gpp";
    /** TLS (RFC 3329 §2.2). */
    public static final String TLS = "tls";
    /** HTTP Digest (RFC 3329 §2.2). */
    public static final String DIGEST = "digest";

    public SecurityMechanism {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(params, "params");
        String problem = problem(name, params);
        if (problem != null) {
            throw new IllegalArgumentException(problem + " in mechanism " + name + params);
        }
    }

    /** A mechanism without parameters. */
    public static SecurityMechanism of(String name) {
        return new SecurityMechanism(name, Parameters.EMPTY);
    }

    /**
     * An {@code ipsec-3gpp} mechanism with the parameters of TS 33.203 Annex H in its usual order:
     * {@code alg}, {@code ealg} (left out when null), {@code spi-c}, {@code spi-s}, {@code port-c}, {@code port-s}.
     */
    public static SecurityMechanism ipsec3gpp(String alg, String ealg, long spiC, long spiS, int portC, int portS) {
        Parameters.Builder b = new Parameters.Builder().add("alg", alg);
        if (ealg != null) {
            b.add("ealg", ealg);
        }
        b.add("spi-c", Long.toString(spiC)).add("spi-s", Long.toString(spiS))
                .add("port-c", Integer.toString(portC)).add("port-s", Integer.toString(portS));
        return new SecurityMechanism(IPSEC_3GPP, b.build());
    }

    /** Whether this is mechanism {@code mechanismName} (case-insensitive). */
    public boolean is(String mechanismName) {
        return name.equalsIgnoreCase(mechanismName);
    }

    /** Value of parameter {@code paramName} with quotes removed; null when absent or without a value. */
    public String param(String paramName) {
        String v = params.get(paramName);
        return v == null ? null : HeaderValues.unquote(v);
    }

    /** A copy with parameter {@code paramName} set (replaced in place or appended); null value for a flag. */
    public SecurityMechanism withParam(String paramName, String value) {
        return new SecurityMechanism(name, params.with(paramName, value));
    }

    /** A copy without parameter {@code paramName}. */
    public SecurityMechanism withoutParam(String paramName) {
        return new SecurityMechanism(name, params.without(paramName));
    }

    /**
     * The {@code q} preference in thousandths (RFC 3329 §2.2 {@code qvalue}), 0 to 1000. RFC 3329 gives no
     * default, so an absent {@code q} ranks lowest: 0.
     */
    public int preference() {
        String q = param("q");
        return q == null ? 0 : qvalue(q);
    }

    /** The integrity algorithm {@code alg}, e.g. {@code hmac-sha-1-96}; null when absent. */
    public String alg() {
        return param("alg");
    }

    /** The encryption algorithm {@code ealg}, e.g. {@code aes-cbc} or {@code null}; null when absent. */
    public String ealg() {
        return param("ealg");
    }

    /** The IPsec protocol {@code prot} ({@code esp} or {@code ah}); null when absent. */
    public String prot() {
        return param("prot");
    }

    /** The IPsec mode {@code mod} ({@code trans}, {@code tun}, {@code UDP-enc-tun}); null when absent. */
    public String mod() {
        return param("mod");
    }

    /** The SPI of the SA the sender receives on as a client ({@code spi-c}), or -1 when absent. */
    public long spiC() {
        return longParam("spi-c");
    }

    /** The SPI of the SA the sender receives on as a server ({@code spi-s}), or -1 when absent. */
    public long spiS() {
        return longParam("spi-s");
    }

    /** The sender's protected client port ({@code port-c}), or -1 when absent. */
    public int portC() {
        return (int) longParam("port-c");
    }

    /** The sender's protected server port ({@code port-s}), or -1 when absent. */
    public int portS() {
        return (int) longParam("port-s");
    }

    private long longParam(String paramName) {
        String v = param(paramName);
        return v == null ? -1 : Long.parseLong(v);
    }

    /** {@code name;param=value;...} as it appears in the header. */
    @Override
    public String toString() {
        return name + params;
    }

    /** What is wrong with a mechanism, or null when it is well-formed. */
    static String problem(String name, Parameters params) {
        if (!SipGrammar.isToken(name)) {
            return "mechanism name must be a token";
        }
        for (int i = 0; i < params.size(); i++) {
            String p = params.name(i);
            String v = params.value(i);
            if (!SipGrammar.isToken(p)) {
                return "parameter name must be a token: '" + p + "'";
            }
            if (params.indexOf(p) != i) {
                return "parameter " + p + " appears twice";
            }
            if (v != null && !isGenValue(v)) {
                return "value of " + p + " must be a token, an IPv6 reference or a quoted string";
            }
            String problem = knownParamProblem(p, v == null ? null : HeaderValues.unquote(v));
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    private static String knownParamProblem(String p, String v) {
        switch (p.toLowerCase(Locale.ROOT)) {
            case "q" -> {
                if (v == null || qvalue(v) < 0) {
                    return "q must be a qvalue (0 to 1 with up to 3 decimals)";
                }
            }
            case "spi-c", "spi-s" -> {
                if (v == null || decimal(v, 10) < 0 || decimal(v, 10) > 0xFFFF_FFFFL) {
                    return p + " must be a 32-bit unsigned integer";
                }
            }
            case "port-c", "port-s" -> {
                long port = v == null ? -1 : decimal(v, 5);
                if (port < 1 || port > 65535) {
                    return p + " must be a port from 1 to 65535";
                }
            }
            default -> {
                // alg, ealg, prot, mod, d-alg, d-qop, d-ver and extensions: any gen-value
            }
        }
        return null;
    }

    /** A qvalue ({@code "0" ["." 0*3DIGIT] / "1" ["." 0*3("0")]}) in thousandths, or -1. */
    static int qvalue(String q) {
        int n = q.length();
        if (n == 0 || n > 5 || (q.charAt(0) != '0' && q.charAt(0) != '1') || (n > 1 && q.charAt(1) != '.')) {
            return -1;
        }
        int value = (q.charAt(0) - '0') * 1000;
        int scale = 100;
        for (int i = 2; i < n; i++, scale /= 10) {
            char c = q.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value += (c - '0') * scale;
        }
        return value > 1000 ? -1 : value;
    }

    /** A decimal of 1 to {@code maxDigits} digits, or -1. */
    private static long decimal(String s, int maxDigits) {
        if (s.isEmpty() || s.length() > maxDigits) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isGenValue(String v) {
        if (SipGrammar.isToken(v)) {
            return true;
        }
        if (v.length() >= 2 && v.charAt(0) == '[' && v.charAt(v.length() - 1) == ']') {
            return v.length() > 2 && SipGrammar.isAll(v, 1, v.length() - 1, SipGrammar.IPV6);
        }
        return isQuotedString(v);
    }

    /** {@code DQUOTE *(qdtext / quoted-pair) DQUOTE} with no unescaped quote inside and no control characters. */
    private static boolean isQuotedString(String v) {
        if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
            return false;
        }
        for (int i = 1; i < v.length() - 1; i++) {
            char c = v.charAt(i);
            if (c == '\\') {
                if (++i == v.length() - 1) {
                    return false;
                }
            } else if (c == '"' || (c < 0x20 && c != '\t') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }
}
