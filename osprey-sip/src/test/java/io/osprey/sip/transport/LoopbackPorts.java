package io.osprey.sip.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Free loopback ports for socket tests. {@link TransportConfig} reads port 0 as "no listener", so tests pick a
 * port that is free for both UDP and TCP and retry the start if another process takes it in between.
 */
public final class LoopbackPorts {

    /** 127.0.0.1: every socket test stays on loopback. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    /** How many times a test tries fresh ports before giving up. */
    public static final int START_ATTEMPTS = 5;

    private LoopbackPorts() {
    }

    /** A port number currently free on 127.0.0.1 for TCP and for UDP. */
    public static int freePort() {
        IOException last = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, LOOPBACK);
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return udp.getLocalPort();
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new UncheckedIOException("no port free for both UDP and TCP on loopback", last);
    }

    /** Two different free ports. */
    public static int[] twoFreePorts() {
        int first = freePort();
        int second = freePort();
        while (second == first) {
            second = freePort();
        }
        return new int[] {first, second};
    }
}
