package io.osprey.ue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Picks a port that is free for both UDP and TCP on one address. The SIP transports read port 0 as "no listener",
 * so the UE chooses a concrete port and retries its start if another process takes the port in between.
 */
final class FreePorts {

    private static final int ATTEMPTS = 20;

    private FreePorts() {
    }

    static int udpAndTcp(InetAddress address) {
        IOException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, address);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new UncheckedIOException("no port free for both UDP and TCP on " + address.getHostAddress(), last);
    }
}
