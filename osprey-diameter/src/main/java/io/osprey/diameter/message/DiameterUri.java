package io.osprey.diameter.message;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The DiameterURI data format (RFC 6733 §4.3.1):
 * {@code "aaa://" | "aaas://" FQDN [":" port] [";transport=" tcp|sctp|udp] [";protocol=" diameter|radius|tacacs+]}.
 * Absent parts keep their absence, so {@link #toString()} gives back what was parsed; the
 * {@code effective*} methods apply the RFC defaults (port 3868, or 5658 for aaas; TCP; Diameter).
 */
public record DiameterUri(boolean secure, String host, OptionalInt port, Optional<Transport> transport,
                          Optional<Protocol> protocol) {

    /** Longest URI accepted by {@link #parse}. */
    public static final int MAX_LENGTH = 1024;

    public enum Transport {
        TCP("tcp"), SCTP("sctp"), UDP("udp");

        private final String token;

        Transport(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    public enum Protocol {
        DIAMETER("diameter"), RADIUS("radius"), TACACS_PLUS("tacacs+");

        private final String token;

        Protocol(String token) {
            this.token = token;
        }

        public String token() {
            return token;
        }
    }

    public DiameterUri {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(transport, "transport");
        Objects.requireNonNull(protocol, "protocol");
        checkHost(host);
        if (port.isPresent() && (port.getAsInt() < 1 || port.getAsInt() > 65535)) {
            throw new IllegalArgumentException("DiameterURI port must be 1..65535, was " + port.getAsInt());
        }
    }

    /** {@code aaa://host:port;transport=tcp}, the form peers advertise most. */
    public static DiameterUri tcp(String host, int port) {
        return new DiameterUri(false, host, OptionalInt.of(port), Optional.of(Transport.TCP), Optional.empty());
    }

    /** Parses a DiameterURI; throws IllegalArgumentException naming the offending part. */
    public static DiameterUri parse(String uri) {
        if (uri.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("DiameterURI longer than " + MAX_LENGTH + " characters: " + uri.length());
        }
        for (int k = 0; k < uri.length(); k++) {
            if (uri.charAt(k) < 0x21 || uri.charAt(k) > 0x7E) {
                throw new IllegalArgumentException("DiameterURI must be printable ASCII, found 0x"
                        + Integer.toHexString(uri.charAt(k)) + " at index " + k);
            }
        }
        String lower = uri.toLowerCase(Locale.ROOT);
        boolean secure;
        int i;
        if (lower.startsWith("aaa://")) {
            secure = false;
            i = 6;
        } else if (lower.startsWith("aaas://")) {
            secure = true;
            i = 7;
        } else {
            throw new IllegalArgumentException("DiameterURI must start with aaa:// or aaas://, was '" + uri + "'");
        }
        int hostEnd = hostEnd(uri, i);
        String host = uri.substring(i, hostEnd);
        i = hostEnd;
        OptionalInt port = OptionalInt.empty();
        if (i < uri.length() && uri.charAt(i) == ':') {
            int portEnd = uri.indexOf(';', i);
            portEnd = portEnd < 0 ? uri.length() : portEnd;
            port = OptionalInt.of(parsePort(uri.substring(i + 1, portEnd)));
            i = portEnd;
        }
        Optional<Transport> transport = Optional.empty();
        Optional<Protocol> protocol = Optional.empty();
        while (i < uri.length()) {
            if (uri.charAt(i) != ';') {
                throw new IllegalArgumentException("DiameterURI expected ';' at index " + i + ": '" + uri + "'");
            }
            int next = uri.indexOf(';', i + 1);
            next = next < 0 ? uri.length() : next;
            String param = lower.substring(i + 1, next);
            if (param.startsWith("transport=") && transport.isEmpty()) {
                transport = Optional.of(transportOf(param.substring(10)));
            } else if (param.startsWith("protocol=") && protocol.isEmpty()) {
                protocol = Optional.of(protocolOf(param.substring(9)));
            } else {
                throw new IllegalArgumentException("DiameterURI parameter ';" + param + "' is unknown or repeated");
            }
            i = next;
        }
        return new DiameterUri(secure, host, port, transport, protocol);
    }

    public int effectivePort() {
        return port.orElse(secure ? 5658 : 3868);
    }

    public Transport effectiveTransport() {
        return transport.orElse(Transport.TCP);
    }

    public Protocol effectiveProtocol() {
        return protocol.orElse(Protocol.DIAMETER);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(secure ? "aaas://" : "aaa://").append(host);
        port.ifPresent(p -> sb.append(':').append(p));
        transport.ifPresent(t -> sb.append(";transport=").append(t.token()));
        protocol.ifPresent(p -> sb.append(";protocol=").append(p.token()));
        return sb.toString();
    }

    private static int hostEnd(String uri, int start) {
        if (start < uri.length() && uri.charAt(start) == '[') {
            int close = uri.indexOf(']', start);
            if (close < 0) {
                throw new IllegalArgumentException("DiameterURI IPv6 host lacks ']': '" + uri + "'");
            }
            return close + 1;
        }
        int i = start;
        while (i < uri.length() && uri.charAt(i) != ':' && uri.charAt(i) != ';') {
            i++;
        }
        return i;
    }

    private static void checkHost(String host) {
        if (host.isEmpty()) {
            throw new IllegalArgumentException("DiameterURI host must not be empty");
        }
        if (host.charAt(0) == '[') {
            for (int i = 1; i < host.length() - 1; i++) {
                char c = host.charAt(i);
                if (Character.digit(c, 16) < 0 && c != ':' && c != '.') {
                    throw new IllegalArgumentException("DiameterURI IPv6 host has invalid character '" + c + "': " + host);
                }
            }
            if (host.charAt(host.length() - 1) != ']') {
                throw new IllegalArgumentException("DiameterURI IPv6 host must end with ']': " + host);
            }
            return;
        }
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_';
            if (!ok) {
                throw new IllegalArgumentException("DiameterURI host has invalid character '" + c + "': " + host);
            }
        }
    }

    private static int parsePort(String digits) {
        if (digits.isEmpty() || digits.length() > 5) {
            throw new IllegalArgumentException("DiameterURI port must be 1 to 5 digits, was '" + digits + "'");
        }
        int port = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                throw new IllegalArgumentException("DiameterURI port must be digits, was '" + digits + "'");
            }
            port = port * 10 + d;
        }
        return port;
    }

    private static Transport transportOf(String token) {
        for (Transport t : Transport.values()) {
            if (t.token.equals(token)) {
                return t;
            }
        }
        throw new IllegalArgumentException("DiameterURI transport must be tcp, sctp or udp, was '" + token + "'");
    }

    private static Protocol protocolOf(String token) {
        for (Protocol p : Protocol.values()) {
            if (p.token.equals(token)) {
                return p;
            }
        }
        throw new IllegalArgumentException("DiameterURI protocol must be diameter, radius or tacacs+, was '" + token + "'");
    }
}
