package io.osprey.sip.transport;

import io.osprey.sip.codec.SipMessageDecoder;
import io.osprey.sip.message.SipMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A plain JDK UDP socket on loopback for sending hand-written datagrams and reading the answers. */
public final class RawUdpClient implements AutoCloseable {

    private final DatagramSocket socket;

    public RawUdpClient() {
        try {
            socket = new DatagramSocket(new InetSocketAddress(LoopbackPorts.LOOPBACK, 0));
            socket.setSoTimeout((int) LoopbackPeer.WAIT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Sends {@code text} with {@code \n} turned into CRLF. */
    public void send(String text, InetSocketAddress to) throws IOException {
        send(SipText.wire(text), to);
    }

    public void send(byte[] datagram, InetSocketAddress to) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
    }

    /** The next datagram, decoded; fails the test when none arrives within a few seconds. */
    public SipMessage receive() throws IOException {
        return new SipMessageDecoder().decode(receiveBytes());
    }

    /** The next datagram as text, for answers that echo fields the decoder would refuse. */
    public String receiveText() throws IOException {
        return new String(receiveBytes(), StandardCharsets.UTF_8);
    }

    private byte[] receiveBytes() throws IOException {
        byte[] buffer = new byte[65_535];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no datagram within " + LoopbackPeer.WAIT_MILLIS + " ms", e);
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }
}
