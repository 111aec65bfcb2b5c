package io.osprey.diameter.message;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The Address data format (RFC 6733 §4.3.1): a 2-octet IANA address family followed by the address.
 * IPv4 (1) carries 4 octets, IPv6 (2) 16 octets, E.164 (8) the number as ASCII digits; other families are
 * kept as opaque bytes.
 */
public final class DiameterAddress {

    public static final int FAMILY_IPV4 = 1;
    public static final int FAMILY_IPV6 = 2;
    public static final int FAMILY_E164 = 8;

    private final int family;
    private final byte[] address;

    private DiameterAddress(int family, byte[] address) {
        if (family < 0 || family > 0xFFFF) {
            throw new IllegalArgumentException("address family must be 0..65535, was " + family);
        }
        if (family == FAMILY_IPV4 && address.length != 4) {
            throw new IllegalArgumentException("IPv4 address must be 4 octets, was " + address.length);
        }
        if (family == FAMILY_IPV6 && address.length != 16) {
            throw new IllegalArgumentException("IPv6 address must be 16 octets, was " + address.length);
        }
        this.family = family;
        this.address = address;
    }

    /** An address of any family from its raw octets (copied). */
    public static DiameterAddress of(int family, byte[] address) {
        return new DiameterAddress(family, address.clone());
    }

    /** An IPv4 or IPv6 address. */
    public static DiameterAddress of(InetAddress address) {
        return new DiameterAddress(address instanceof Inet4Address ? FAMILY_IPV4 : FAMILY_IPV6, address.getAddress());
    }

    /** An E.164 number given as digits. */
    public static DiameterAddress ofE164(String digits) {
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("E.164 address must not be empty");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException("E.164 address must be digits only, was '" + digits + "'");
            }
        }
        return new DiameterAddress(FAMILY_E164, digits.getBytes(StandardCharsets.US_ASCII));
    }

    /** Parses AVP data: family then address. */
    static DiameterAddress decode(byte[] b, int offset, int length) {
        if (length < 2) {
            throw new IllegalArgumentException("Address data must be at least 2 octets, was " + length);
        }
        int family = (b[offset] & 0xFF) << 8 | (b[offset + 1] & 0xFF);
        return new DiameterAddress(family, Arrays.copyOfRange(b, offset + 2, offset + length));
    }

    /** Encoded form: family then address. */
    byte[] encode() {
        byte[] data = new byte[2 + address.length];
        data[0] = (byte) (family >>> 8);
        data[1] = (byte) family;
        System.arraycopy(address, 0, data, 2, address.length);
        return data;
    }

    public int family() {
        return family;
    }

    /** The address octets (a copy). */
    public byte[] address() {
        return address.clone();
    }

    public boolean isIp() {
        return family == FAMILY_IPV4 || family == FAMILY_IPV6;
    }

    /** The IP address; only for families 1 and 2. */
    public InetAddress toInetAddress() {
        if (!isIp()) {
            throw new IllegalStateException("address family " + family + " is not IPv4 (1) or IPv6 (2)");
        }
        try {
            return InetAddress.getByAddress(address);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("unreachable: length was checked", e);
        }
    }

    /** The E.164 digits; only for family 8. */
    public String e164() {
        if (family != FAMILY_E164) {
            throw new IllegalStateException("address family " + family + " is not E.164 (8)");
        }
        return new String(address, StandardCharsets.US_ASCII);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DiameterAddress other && family == other.family && Arrays.equals(address, other.address);
    }

    @Override
    public int hashCode() {
        return 31 * family + Arrays.hashCode(address);
    }

    @Override
    public String toString() {
        if (isIp()) {
            return toInetAddress().getHostAddress();
        }
        return family == FAMILY_E164 ? "E.164:" + e164() : "family " + family + ":" + HexFormat.of().formatHex(address);
    }
}
