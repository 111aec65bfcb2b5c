package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.hss.provisioning.NewSubscriber;
import io.osprey.server.config.ConfigLoader;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osprey run hss}: the role binds its Diameter port, completes a capability exchange (RFC 6733 §5.3)
 * announcing Cx and Sh, and answers Sh (TS 29.328 §6.1) on the same node as Cx, over the process's store.
 */
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
            assertThat(hss.describe()).contains(":" + hss.port()).contains("Cx and Sh");

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

    @Test
    @Timeout(30)
    void announcesCxAndShAndAnswersUserDataFromTheSharedStore() {
        try (RunningHss hss = RunningHss.start(dir, 0);
             DiameterTestPeer as = new DiameterTestPeer("as." + hss.realm(), hss.realm(), hss.port())) {
            String impu = "sip:sh1@" + hss.realm();
            hss.provisioning().addSubscriber(NewSubscriber.of("sh1@" + hss.realm(), impu)
                    .withAkaOpc("465b5ce8b199b49faa5f0a2ee238a6bc", "cd63cb71954a9f4e48a5994e37a02baf"));

            assertThat(as.hssCapabilities().applicationIds()).as("applications in the HSS's CEA")
                    .contains(CxDictionary.APPLICATION.id(), ShDictionary.APPLICATION.id());

            DiameterMessage uda = as.send(as.request(ShDictionary.USER_DATA_COMMAND)
                    .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu))
                    .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE));
            assertThat(uda.isRequest()).isFalse();
            assertThat(uda.commandCode()).isEqualTo(ShDictionary.USER_DATA_COMMAND.code());
            assertThat(uda.applicationId()).isEqualTo(ShDictionary.APPLICATION.id());
            assertThat(uda.result()).contains(ResultCodes.DIAMETER_SUCCESS);
            assertThat(userData(uda)).contains("<IMSUserState>0</IMSUserState>");

            String shData = "<Sh-Data><RepositoryData><ServiceIndication>role-test</ServiceIndication>"
                    + "<SequenceNumber>0</SequenceNumber><ServiceData><v>1</v></ServiceData></RepositoryData>"
                    + "</Sh-Data>";
            DiameterMessage pua = as.send(as.request(ShDictionary.PROFILE_UPDATE)
                    .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu))
                    .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA)
                    .add(ShDictionary.USER_DATA, shData.getBytes(StandardCharsets.UTF_8)));
            assertThat(pua.result()).contains(ResultCodes.DIAMETER_SUCCESS);
            DiameterMessage repository = as.send(as.request(ShDictionary.USER_DATA_COMMAND)
                    .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu))
                    .add(ShDictionary.SERVICE_INDICATION, "role-test".getBytes(StandardCharsets.UTF_8))
                    .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_REPOSITORY_DATA));
            assertThat(userData(repository)).contains("<ServiceIndication>role-test</ServiceIndication>"
                    + "<SequenceNumber>0</SequenceNumber><ServiceData><v>1</v></ServiceData>");

            DiameterMessage unknown = as.send(as.request(ShDictionary.USER_DATA_COMMAND)
                    .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY,
                            "sip:nobody@" + hss.realm()))
                    .add(ShDictionary.DATA_REFERENCE, ShDictionary.DATA_REFERENCE_IMS_USER_STATE));
            assertThat(unknown.result()).contains(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN);
        }
    }

    private static String userData(DiameterMessage answer) {
        return new String(answer.avp(ShDictionary.USER_DATA).orElseThrow().asOctets(), StandardCharsets.UTF_8);
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
