package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.server.config.ConfigLoader;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code osprey run hss}: the role binds its Diameter port and completes a capability exchange (RFC 6733 §5.3). */
class HssRoleTest {

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void listensForDiameterAndAnswersACapabilitiesExchange() throws Exception {
        var config = new ConfigLoader().parse("""
                hss:
                  port: 0
                store:
                  url: sqlite:%s
                """.formatted(dir.resolve("osprey.db")));
        try (RoleContext context = new RoleContext(config); HssRole hss = new HssRole(context)) {
            hss.start();
            assertThat(hss.describe()).contains(":" + hss.port()).contains("Cx");

            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", hss.port()), 5000);
                socket.setSoTimeout(10_000);
                OutputStream out = socket.getOutputStream();
                out.write(cer());
                out.flush();
                DataInputStream in = new DataInputStream(socket.getInputStream());
                int versionAndLength = in.readInt();
                int flagsAndCode = in.readInt();
                assertThat(versionAndLength >>> 24).as("Diameter version").isEqualTo(1);
                assertThat(flagsAndCode & 0xFFFFFF).as("command code: CEA").isEqualTo(257);
                assertThat(flagsAndCode >>> 31).as("R bit clear: an answer").isZero();
            }
        }
    }

    /** A minimal CER: Origin-Host, Origin-Realm, Host-IP-Address, Vendor-Id, Product-Name, Auth-Application-Id Cx. */
    private static byte[] cer() {
        java.io.ByteArrayOutputStream avps = new java.io.ByteArrayOutputStream();
        avp(avps, 264, "client.ims.test".getBytes());
        avp(avps, 296, "ims.test".getBytes());
        avp(avps, 257, new byte[] {0, 1, 127, 0, 0, 1});
        avp(avps, 266, new byte[] {0, 0, 0, 0});
        avp(avps, 269, "test".getBytes());
        java.io.ByteArrayOutputStream vendorSpecific = new java.io.ByteArrayOutputStream();
        avp(vendorSpecific, 266, new byte[] {0, 0, 0x28, (byte) 0xAF}); // Vendor-Id 10415 (3GPP)
        avp(vendorSpecific, 258, new byte[] {0x01, 0x00, 0x00, 0x00}); // Auth-Application-Id 16777216 (Cx)
        avp(avps, 260, vendorSpecific.toByteArray());
        byte[] body = avps.toByteArray();
        int length = 20 + body.length;
        java.nio.ByteBuffer message = java.nio.ByteBuffer.allocate(length);
        message.putInt((1 << 24) | length);
        message.putInt((0x80 << 24) | 257);
        message.putInt(0);
        message.putInt(0x1234);
        message.putInt(0x5678);
        message.put(body);
        return message.array();
    }

    private static void avp(java.io.ByteArrayOutputStream out, int code, byte[] data) {
        int length = 8 + data.length;
        java.nio.ByteBuffer header = java.nio.ByteBuffer.allocate(8);
        header.putInt(code);
        header.putInt((0x40 << 24) | length);
        out.writeBytes(header.array());
        out.writeBytes(data);
        int padding = (4 - data.length % 4) % 4;
        out.writeBytes(new byte[padding]);
    }
}
