package io.osprey.sip.message;

import io.osprey.sip.uri.Parameters;
import io.osprey.sip.uri.SipGrammar;
import io.osprey.sip.uri.SyntaxLimits;

/**
 * One Via value (RFC 3261 §20.42, §25.1 {@code via-parm}): {@code SIP/2.0/UDP host:port;branch=...}, with the
 * {@code received} and {@code maddr}/{@code ttl} parameters of §18.2.1 and {@code rport} of RFC 3581. Transport
 * names are kept as written, unknown ones included (RFC 4475 §3.1.1.10). Immutable; {@code with...} copies.
 */
public final class Via {

    private final String protocolName;
    private final String protocolVersion;
    private final String transport;
    private final String host;
    private final int port;
    private final Parameters params;
    private final String text;

    private Via(String protocolName, String protocolVersion, String transport, String host, int port,
                Parameters params, String text) {
        this.protocolName = protocolName;
        this.protocolVersion = protocolVersion;
        this.transport = transport;
        this.host = host;
        this.port = port;
        this.params = params;
        this.text = text != null ? text : format();
    }

    /** A new {@code SIP/2.0/<transport> host[:port];branch=<branch>} value; port -1 for none. */
    public static Via of(String transport, String host, int port, String branch) {
        StringBuilder sb = new StringBuilder("SIP/2.0/").append(transport).append(' ').append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        return parse(sb.append(";branch=").append(branch).toString());
    }

    /** Parses one Via value (not a comma list) with default limits. */
    public static Via parse(String value) {
        return parse(value, SyntaxLimits.DEFAULTS);
    }

    /** Parses one Via value (not a comma list). */
    public static Via parse(String value, SyntaxLimits limits) {
        HeaderScanner sc = new HeaderScanner("Via", value, limits);
        sc.skipWs();
        String name = sc.token("protocol name");
        sc.expect('/', "'/' after protocol name");
        String version = sc.skipWs().token("protocol version");
        sc.expect('/', "'/' after protocol version");
        String transport = sc.skipWs().token("transport");
        int beforeSpace = sc.pos();
        sc.skipWs();
        if (sc.pos() == beforeSpace) {
            throw sc.error("missing space before sent-by");
        }
        String host = host(sc);
        int port = -1;
        if (sc.consume(':')) {
            port = number(sc.skipWs(), "sent-by port", 65535);
        }
        Parameters params = sc.params(true);
        sc.expectEnd();
        checkNumeric(params, "ttl", 255, value);
        checkNumeric(params, "rport", 65535, value);
        return new Via(name, version, transport, host, port, params, value.strip());
    }

    private static String host(HeaderScanner sc) {
        String s = sc.text();
        int start = sc.pos();
        int pos = start;
        if (sc.peek() == '[') {
            int close = s.indexOf(']', pos);
            if (close < 0 || close == pos + 1 || !SipGrammar.isAll(s, pos + 1, close, SipGrammar.IPV6)) {
                throw sc.error("malformed IPv6 reference in sent-by");
            }
            pos = close + 1;
        } else {
            while (pos < s.length() && SipGrammar.is(s.charAt(pos), SipGrammar.HOST)) {
                pos++;
            }
            if (pos == start) {
                throw sc.error("missing sent-by host");
            }
        }
        sc.pos(pos);
        return s.substring(start, pos);
    }

    private static int number(HeaderScanner sc, String what, int max) {
        int start = sc.pos();
        String s = sc.text();
        int pos = start;
        long n = 0;
        while (pos < s.length() && SipGrammar.is(s.charAt(pos), SipGrammar.DIGIT) && n <= max) {
            n = n * 10 + (s.charAt(pos++) - '0');
        }
        if (pos == start || n > max) {
            throw new SipSyntaxException("Via", "bad " + what, s, max);
        }
        sc.pos(pos);
        return (int) n;
    }

    private static void checkNumeric(Parameters params, String name, int max, String value) {
        String v = params.get(name);
        if (v == null) {
            return;
        }
        if (v.length() > 5 || !SipGrammar.isAll(v, 0, v.length(), SipGrammar.DIGIT) || Integer.parseInt(v) > max) {
            throw new SipSyntaxException("Via", "bad " + name + " value", value, max);
        }
    }

    /** {@code SIP/2.0}. */
    public String protocol() {
        return protocolName + "/" + protocolVersion;
    }

    /** The transport as written: UDP, TCP, TLS, SCTP, WS, WSS or an unknown token. */
    public String transport() {
        return transport;
    }

    /** The sent-by host (IPv6 in brackets). */
    public String host() {
        return host;
    }

    /** The sent-by port, or -1 when absent. */
    public int port() {
        return port;
    }

    /** All parameters, values as written. */
    public Parameters params() {
        return params;
    }

    /** Value of parameter {@code name} with quotes removed; null when absent or a flag. */
    public String param(String name) {
        String v = params.get(name);
        return v == null ? null : HeaderValues.unquote(v);
    }

    /** The branch, or null when the Via has none (RFC 2543 peers). */
    public Branch branch() {
        String b = params.get("branch");
        return b == null ? null : new Branch(b);
    }

    /** The {@code received} address, or null. */
    public String received() {
        return params.get("received");
    }

    /** Whether {@code rport} is present, with or without a value (RFC 3581 §3). */
    public boolean hasRport() {
        return params.has("rport");
    }

    /** The {@code rport} value, or -1 when absent or valueless. */
    public int rport() {
        String v = params.get("rport");
        return v == null ? -1 : Integer.parseInt(v);
    }

    /** The {@code maddr} parameter, or null. */
    public String maddr() {
        return params.get("maddr");
    }

    /** The {@code ttl} parameter, or -1. */
    public int ttl() {
        String v = params.get("ttl");
        return v == null ? -1 : Integer.parseInt(v);
    }

    /** A copy with {@code received} set (RFC 3261 §18.2.1). */
    public Via withReceived(String address) {
        return withParam("received", address);
    }

    /** A copy with {@code rport} set to {@code port} (RFC 3581 §4); -1 leaves it valueless. */
    public Via withRport(int port) {
        return withParam("rport", port < 0 ? null : Integer.toString(port));
    }

    /** A copy with parameter {@code name} set (null value for a flag). */
    public Via withParam(String name, String value) {
        if (!SipGrammar.isToken(name)) {
            throw new IllegalArgumentException("Via parameter name must be a token, was '" + name + "'");
        }
        if (value != null && !HeaderValues.isQuoted(value) && !isPlainValue(value)) {
            throw new IllegalArgumentException("Via parameter " + name + " has a bad value '" + value + "'");
        }
        return new Via(protocolName, protocolVersion, transport, host, port, params.with(name, value), null);
    }

    private static boolean isPlainValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!SipGrammar.isToken(c) && c != ':' && c != '[' && c != ']') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    private String format() {
        StringBuilder sb = new StringBuilder(64).append(protocolName).append('/').append(protocolVersion)
                .append('/').append(transport).append(' ').append(host);
        if (port >= 0) {
            sb.append(':').append(port);
        }
        return params.appendTo(sb, ';', ';').toString();
    }

    /** The value text: as parsed (trimmed) when unchanged, else canonical. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Via v && text.equals(v.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }
}
