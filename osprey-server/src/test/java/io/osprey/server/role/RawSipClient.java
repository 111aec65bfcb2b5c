package io.osprey.server.role;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipResponse;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A bare SIP client on a loopback UDP socket: sends request text as written and waits for the final response. */
final class RawSipClient implements AutoCloseable {

    private final DatagramSocket socket;
    private final InetSocketAddress server;

    RawSipClient(InetSocketAddress server) throws IOException {
        this.server = server;
        this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Sends {@code text} (lines ending in LF; sent with CRLF) and returns the first final response to it. */
    SipResponse exchange(String text, Duration timeout) throws IOException {
        byte[] bytes = text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        SipMessage request = new SipMessageDecoder().decode(bytes);
        socket.send(new DatagramPacket(bytes, bytes.length, server));
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] buffer = new byte[65_535];
        while (true) {
            long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            if (System.nanoTime() >= deadline) {
                throw new SocketTimeoutException("no final response within " + timeout);
            }
            socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            socket.receive(packet);
            SipMessage message = new SipMessageDecoder().decode(packet.getData(), 0, packet.getLength());
            if (message instanceof SipResponse response && response.statusCode() >= 200
                    && response.cseq().equals(request.cseq()) && response.callId().equals(request.callId())) {
                return response;
            }
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
