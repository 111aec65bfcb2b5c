package io.osprey.cscf.pcscf;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import io.osprey.sip.uri.UriParser;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * One {@link UeRegistration} as one line of {@link UeRegistrationSnapshot}: seven fields separated by tabs,
 *
 * <pre>
 *   transport  remote  local  expires-at  associated-uris  service-route  contacts
 * </pre>
 *
 * {@code remote} and {@code local} are {@code ip:port} ({@code [ipv6]:port}; {@code -} for an unknown local address),
 * {@code expires-at} milliseconds since the epoch, and the three lists comma-separated. Values are written as they
 * are, readable, with only {@code %}, tab, comma, CR and LF percent-escaped ({@code %25 %09 %2C %0D %0A}), which is
 * all the format needs to stay unambiguous.
 *
 * <p>The security agreement key is not written: the agreement it names (RFC 3329 §2.3.1; the negotiated
 * Security-Server list and, once the P-CSCF sets them up, the IPsec SAs of TS 33.203 §7 with keys from the AKA
 * challenge) lives only in memory and is lost with the process. A restored registration therefore has none, and a UE
 * that agreed on security gets 494 for its next Security-Verify, which makes it register and agree again.
 *
 * <p>Parsing never resolves a name: addresses must be IP literals. Every URI is parsed once to check it, so a line
 * that loads is one the P-CSCF can route with.
 */
final class UeRegistrationLine {

    static final int FIELDS = 7;
    private static final String NONE = "-";

    private UeRegistrationLine() {
    }

    /** The line for {@code registration}, without a line terminator. */
    static String format(UeRegistration registration) {
        Source source = registration.source();
        return String.join("\t", source.transport().name(), address(source.remote()),
                source.local() == null ? NONE : address(source.local()),
                Long.toString(registration.expiresAtMillis()), list(registration.associatedUris()),
                list(registration.serviceRoute()), list(List.copyOf(registration.contacts())));
    }

    /**
     * The registration {@code line} describes.
     *
     * @throws IllegalArgumentException naming the field and what is wrong with it
     */
    static UeRegistration parse(String line) {
        String[] fields = line.split("\t", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException("expected " + FIELDS + " tab-separated fields, found " + fields.length);
        }
        TransportProtocol transport = TransportProtocol.fromToken(fields[0]);
        if (transport == null) {
            throw new IllegalArgumentException("transport '" + fields[0] + "' is not a SIP transport");
        }
        InetSocketAddress remote = address("remote", fields[1]);
        InetSocketAddress local = NONE.equals(fields[2]) ? null : address("local", fields[2]);
        long expiresAt;
        try {
            expiresAt = Long.parseLong(fields[3]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expires-at '" + fields[3] + "' is not a number");
        }
        List<String> associated = values("associated-uris", fields[4]);
        List<String> serviceRoute = values("service-route", fields[5]);
        List<String> contacts = values("contacts", fields[6]);
        if (associated.isEmpty() || contacts.isEmpty()) {
            throw new IllegalArgumentException(associated.isEmpty() ? "associated-uris is empty" : "contacts is empty");
        }
        for (String uri : associated) {
            checkUri("associated-uris", uri);
        }
        for (String uri : contacts) {
            checkUri("contacts", uri);
        }
        for (String route : serviceRoute) {
            try {
                NameAddress.parse(route);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("service-route '" + route + "': " + e.getMessage());
            }
        }
        return new UeRegistration(associated, serviceRoute, new LinkedHashSet<>(contacts),
                new Source(transport, remote, local), expiresAt, null);
    }

    private static void checkUri(String field, String uri) {
        try {
            UriParser.parse(uri);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(field + " '" + uri + "': " + e.getMessage());
        }
    }

    private static String address(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        if (ip == null) {
            throw new IllegalArgumentException("address " + address + " is not resolved");
        }
        String host = ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
        return host + ":" + address.getPort();
    }

    /** {@code ip:port} or {@code [ipv6]:port}; never looked up in DNS. */
    private static InetSocketAddress address(String field, String text) {
        int colon = text.lastIndexOf(':');
        int port = colon < 0 ? -1 : port(text.substring(colon + 1));
        if (port < 1) {
            throw new IllegalArgumentException(field + " '" + text + "' is not ip:port");
        }
        String host = text.substring(0, colon);
        try {
            if (host.length() > 2 && host.charAt(0) == '[' && host.charAt(host.length() - 1) == ']') {
                // In brackets InetAddress takes it as an IPv6 literal and fails rather than asking DNS.
                return new InetSocketAddress(InetAddress.getByName(host), port);
            }
            return new InetSocketAddress(InetAddress.getByAddress(ipv4(host)), port);
        } catch (UnknownHostException | IllegalArgumentException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not an IP address and port");
        }
    }

    private static int port(String digits) {
        int port = number(digits, 5);
        return port <= 65535 ? port : -1;
    }

    private static byte[] ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            throw new IllegalArgumentException("not a dotted quad");
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = number(parts[i], 3);
            if (octet < 0 || octet > 255) {
                throw new IllegalArgumentException("not a dotted quad");
            }
            bytes[i] = (byte) octet;
        }
        return bytes;
    }

    /** The value of 1 to {@code maxDigits} ASCII digits, else -1. */
    private static int number(String digits, int maxDigits) {
        if (digits.isEmpty() || digits.length() > maxDigits) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static String list(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (String value : values) {
            if (!out.isEmpty()) {
                out.append(',');
            }
            escape(value, out);
        }
        return out.toString();
    }

    private static List<String> values(String field, String text) {
        List<String> values = new ArrayList<>();
        if (text.isEmpty()) {
            return values;
        }
        for (String escaped : text.split(",", -1)) {
            String value = unescape(field, escaped);
            if (value.isEmpty()) {
                throw new IllegalArgumentException(field + " has an empty value");
            }
            values.add(value);
        }
        return values;
    }

    private static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '%' -> out.append("%25");
                case '\t' -> out.append("%09");
                case ',' -> out.append("%2C");
                case '\r' -> out.append("%0D");
                case '\n' -> out.append("%0A");
                default -> out.append(c);
            }
        }
    }

    private static String unescape(String field, String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int high = i + 2 < text.length() ? hex(text.charAt(i + 1)) : -1;
            int low = high < 0 ? -1 : hex(text.charAt(i + 2));
            if (low < 0) {
                throw new IllegalArgumentException(field + " has a malformed %-escape at '"
                        + text.substring(i, Math.min(text.length(), i + 3)) + "'");
            }
            out.append((char) (high * 16 + low));
            i += 2;
        }
        return out.toString();
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char upper = (char) (c & ~0x20);
        return upper >= 'A' && upper <= 'F' ? upper - 'A' + 10 : -1;
    }
}
