package io.osprey.sip.transport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** A plain JDK TCP connection for writing hand-made octets to a SIP listener and reading what comes back. */
final class RawTcpClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;

    RawTcpClient(InetSocketAddress server) throws IOException {
        socket = new Socket();
        socket.connect(server, (int) LoopbackPeer.WAIT_MILLIS);
        socket.setSoTimeout((int) LoopbackPeer.WAIT_MILLIS);
        in = socket.getInputStream();
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** Writes {@code text} with {@code \n} turned into CRLF. */
    void write(String text) throws IOException {
        write(SipText.wire(text));
    }

    void write(byte[] octets) throws IOException {
        socket.getOutputStream().write(octets);
        socket.getOutputStream().flush();
    }

    /** Exactly {@code n} octets. */
    byte[] read(int n) throws IOException {
        byte[] out = in.readNBytes(n);
        if (out.length < n) {
            throw new AssertionError("connection closed after " + out.length + " of " + n + " octets");
        }
        return out;
    }

    /** One message framed by its Content-Length, as text. */
    String readMessage() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithEmptyLine(head)) {
            head.write(read(1));
        }
        String text = head.toString(StandardCharsets.UTF_8);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return text + new String(read(length), StandardCharsets.UTF_8);
    }

    /** Everything until the server closes; fails if it keeps the connection open past the wait. */
    String readUntilClosed() throws IOException {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
            throw new AssertionError("connection still open after " + LoopbackPeer.WAIT_MILLIS + " ms", e);
        }
    }

    private static boolean endsWithEmptyLine(ByteArrayOutputStream head) {
        byte[] b = head.toByteArray();
        int n = b.length;
        return n >= 4 && b[n - 4] == '\r' && b[n - 3] == '\n' && b[n - 2] == '\r' && b[n - 1] == '\n';
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
