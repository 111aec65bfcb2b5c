package io.osprey.sip.transport;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.Set;

/**
 * Which addresses a response must never be sent to: multicast groups, the unspecified address, the limited
 * broadcast 255.255.255.255 (RFC 4475 §3.3.10 {@code bcast}) and the directed broadcast address of a subnet this
 * host is on. An address ending in .255 is not a broadcast by itself (in a /23 or wider it is an ordinary host), so
 * directed broadcasts are taken from the interfaces' own configuration, read once: those are the only ones this
 * host could deliver (routers drop directed broadcasts to other subnets, RFC 2644). The kernel would refuse them
 * too without {@code SO_BROADCAST}, but as a send error that ends the transaction.
 */
final class UnicastCheck {

    private static final byte[] LIMITED_BROADCAST = {(byte) 255, (byte) 255, (byte) 255, (byte) 255};

    private UnicastCheck() {
    }

    /** Whether a SIP response may be sent to {@code address}. */
    static boolean isUnicast(InetAddress address) {
        if (address.isMulticastAddress() || address.isAnyLocalAddress()) {
            return false;
        }
        return !(address instanceof Inet4Address) || !isBroadcast(address);
    }

    private static boolean isBroadcast(InetAddress address) {
        return java.util.Arrays.equals(address.getAddress(), LIMITED_BROADCAST)
                || LocalBroadcasts.ADDRESSES.contains(address);
    }

    /** The directed broadcast addresses of this host's IPv4 interfaces, as configured when first needed. */
    private static final class LocalBroadcasts {
        static final Set<InetAddress> ADDRESSES = read();

        private static Set<InetAddress> read() {
            Set<InetAddress> out = new HashSet<>();
            try {
                Enumeration<NetworkInterface> interfaces = NetworkInterface.getNetworkInterfaces();
                while (interfaces != null && interfaces.hasMoreElements()) {
                    for (InterfaceAddress address : interfaces.nextElement().getInterfaceAddresses()) {
                        if (address.getBroadcast() != null) {
                            out.add(address.getBroadcast());
                        }
                    }
                }
            } catch (SocketException e) {
                // no interface list: only the limited broadcast is recognised
            }
            return Set.copyOf(out);
        }
    }
}
