package io.osprey.server.role;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A UDP "NAT" on loopback between one UE and the P-CSCF, for NAT traversal tests. The UE is given the relay's address
 * as its P-CSCF and, through the header rewriting below, sees the P-CSCF at the relay's port wherever the P-CSCF names
 * itself (Via, Record-Route), so every SIP packet the UE sends passes the relay, which hands it to the P-CSCF from
 * its own port: the P-CSCF sees the relay's address as the UE's, as it would see a NAT's public side. On the way out
 * the UE's Contact is rewritten to name a private address, {@link #PRIVATE_HOST} with the UE's port, as a UE behind a
 * NAT writes it; on the way in that is undone, so the UE believes the private address is its own. Nothing is ever sent
 * to the private address: only loopback sockets are used. Header sections only; bodies (SDP) pass untouched.
 */
final class NatRelay implements AutoCloseable {

    static final String PRIVATE_HOST = "10.0.0.1";
    private static final String LOOPBACK = "127.0.0.1:";

    private final DatagramSocket socket;
    private final InetSocketAddress pcscf;
    private final Thread thread;
    private final Map<String, AtomicInteger> requestsToUe = new ConcurrentHashMap<>();
    private volatile InetSocketAddress ue;
    private volatile boolean closed;

    NatRelay(InetSocketAddress pcscf) throws IOException {
        this.pcscf = pcscf;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        socket.setSoTimeout(200);
        this.thread = new Thread(this::run, "nat-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Where the UE must send: the NAT's inside. */
    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }

    /** Requests of {@code method} the relay passed from the P-CSCF to the UE. */
    int requestsToUe(String method) {
        AtomicInteger count = requestsToUe.get(method);
        return count == null ? 0 : count.get();
    }

    private void run() {
        byte[] buffer = new byte[65_535];
        while (!closed) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException idle) {
                continue;
            } catch (IOException e) {
                return;
            }
            String text = new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
            InetSocketAddress from = (InetSocketAddress) packet.getSocketAddress();
            if (ue == null && !from.equals(pcscf)) {
                ue = from;
            }
            try {
                if (from.equals(ue)) {
                    send(outbound(text), pcscf);
                } else if (from.equals(pcscf) && ue != null) {
                    int space = text.indexOf(' ');
                    if (space > 0 && !text.startsWith("SIP/")) {
                        requestsToUe.computeIfAbsent(text.substring(0, space), m -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    send(inbound(text), ue);
                }
            } catch (IOException e) {
                return;
            }
        }
    }

    private void send(String text, InetSocketAddress to) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        socket.send(new DatagramPacket(bytes, bytes.length, to));
    }

    /** UE to P-CSCF: the P-CSCF's own port comes back, and the Contact names the private address. */
    private String outbound(String message) {
        int end = headerEnd(message);
        String head = replacePort(message.substring(0, end), LOOPBACK, socket.getLocalPort(), LOOPBACK,
                pcscf.getPort());
        StringBuilder out = new StringBuilder(message.length() + 16);
        for (String line : head.split("\r\n", -1)) {
            if (!out.isEmpty()) {
                out.append("\r\n");
            }
            boolean contact = line.regionMatches(true, 0, "Contact:", 0, 8) || line.regionMatches(true, 0, "m:", 0, 2);
            out.append(contact ? replacePort(line, "@" + LOOPBACK, ue.getPort(), "@" + PRIVATE_HOST + ":",
                    ue.getPort()) : line);
        }
        return out.append(message, end, message.length()).toString();
    }

    /** P-CSCF to UE: the P-CSCF appears at the relay's port, the private address is loopback again. */
    private String inbound(String message) {
        int end = headerEnd(message);
        String head = replacePort(message.substring(0, end), LOOPBACK, pcscf.getPort(), LOOPBACK,
                socket.getLocalPort());
        head = replacePort(head, "@" + PRIVATE_HOST + ":", ue.getPort(), "@" + LOOPBACK, ue.getPort());
        return head + message.substring(end);
    }

    /** Replaces {@code prefix + port} by {@code newPrefix + newPort} where no digit follows the port. */
    private static String replacePort(String text, String prefix, int port, String newPrefix, int newPort) {
        String from = prefix + port;
        StringBuilder out = new StringBuilder(text.length() + 16);
        int at = 0;
        while (true) {
            int hit = text.indexOf(from, at);
            if (hit < 0) {
                return out.append(text, at, text.length()).toString();
            }
            int after = hit + from.length();
            boolean whole = after >= text.length() || !Character.isDigit(text.charAt(after));
            out.append(text, at, hit).append(whole ? newPrefix + newPort : from);
            at = after;
        }
    }

    private static int headerEnd(String message) {
        int end = message.indexOf("\r\n\r\n");
        return end < 0 ? message.length() : end;
    }

    @Override
    public void close() {
        closed = true;
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
