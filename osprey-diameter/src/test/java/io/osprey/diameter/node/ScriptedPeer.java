package io.osprey.diameter.node;

import io.osprey.diameter.codec.DiameterDecoder;
import io.osprey.diameter.codec.DiameterEncoder;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.peer.BaseMessages;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A fake Diameter peer on a plain socket: the test writes frames (well-formed ones encoded here, broken ones
 * by hand) and reads what the node sends back.
 */
final class ScriptedPeer implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private ScriptedPeer(Socket socket) throws IOException {
        this.socket = socket;
        socket.setSoTimeout(3000);
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    static ScriptedPeer connect(int port) throws IOException {
        return new ScriptedPeer(new Socket("127.0.0.1", port));
    }

    static ScriptedPeer accept(ServerSocket server) throws IOException {
        server.setSoTimeout(5000);
        return new ScriptedPeer(server.accept());
    }

    void send(DiameterMessage message) throws IOException {
        sendRaw(DiameterEncoder.toByteArray(message));
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The next message from the node. */
    DiameterMessage read() throws IOException {
        byte[] prefix = new byte[4];
        in.readFully(prefix);
        int length = (prefix[1] & 0xFF) << 16 | (prefix[2] & 0xFF) << 8 | (prefix[3] & 0xFF);
        byte[] frame = new byte[length];
        System.arraycopy(prefix, 0, frame, 0, 4);
        in.readFully(frame, 4, length - 4);
        return new DiameterDecoder().decode(frame);
    }

    /** The next message from the node that is not a DWR (those are answered on the way). */
    DiameterMessage readSkippingWatchdogs(BaseMessages answers) throws IOException {
        while (true) {
            DiameterMessage message = read();
            if (message.isRequest() && message.commandCode() == 280) {
                send(answers.dwa(message));
            } else {
                return message;
            }
        }
    }

    /** Whether the node closed the connection (end of stream) within the socket timeout, skipping any data. */
    boolean closedByNode() throws IOException {
        try {
            while (in.read() >= 0) {
                // drain what the node still sent
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
