package io.osprey.diameter.codec;

import static io.osprey.diameter.codec.TestFrames.hex;
import static io.osprey.diameter.codec.TestFrames.hexOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterAddress;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.EndToEndId;
import io.osprey.diameter.message.EndToEndIdGenerator;
import io.osprey.diameter.message.HopByHopId;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.message.SessionIdGenerator;
import java.net.InetAddress;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Whole messages against hand-written RFC 6733 §3 layouts, and round trips. */
class MessageVectorsTest {

    static final LocalIdentity LOCAL = new LocalIdentity("a.b", "b", new SessionIdGenerator("a.b", 7),
            new EndToEndIdGenerator(Instant.EPOCH, 0));

    /**
     * A CER (RFC 6733 §5.3.1), 144 octets:
     * header: version 01 | length 000090 | flags 80 (R) | command 000101 (257) | app 00000000
     *         | hop-by-hop 11223344 | end-to-end 55667788
     */
    static final String CER = "01 000090 80 000101 00000000 11223344 55667788"
            // Origin-Host (264) "a.b": length 8 + 3 = 11, 1 octet padding
            + " 00000108 40 00000b 612e62 00"
            // Origin-Realm (296 = 0x128) "b": length 9, 3 octets padding
            + " 00000128 40 000009 62 000000"
            // Host-IP-Address (257) family 1, 127.0.0.1: length 14, 2 octets padding
            + " 00000101 40 00000e 0001 7f000001 0000"
            // Vendor-Id (266 = 0x10a) 10415
            + " 0000010a 40 00000c 000028af"
            // Product-Name (269 = 0x10d), M must not: flags 00, "osprey" length 14, 2 octets padding
            + " 0000010d 00 00000e 6f7370726579 0000"
            // Auth-Application-Id (258 = 0x102) 16777216 = 0x01000000
            + " 00000102 40 00000c 01000000"
            // Vendor-Specific-Application-Id (260 = 0x104), length 32: { Vendor-Id 10415, Auth-Application-Id Cx }
            + " 00000104 40 000020 0000010a 40 00000c 000028af 00000102 40 00000c 01000000"
            // Firmware-Revision (267 = 0x10b), M must not, 1
            + " 0000010b 00 00000c 00000001";

    static DiameterMessage builtCer() throws Exception {
        return DiameterMessage.request(BaseDictionary.CAPABILITIES_EXCHANGE, LOCAL)
                .hopByHopId(new HopByHopId(0x11223344)).endToEndId(new EndToEndId(0x55667788))
                .add(Avps.of(BaseDictionary.HOST_IP_ADDRESS, InetAddress.getByName("127.0.0.1")))
                .add(BaseDictionary.VENDOR_ID, 10415)
                .add(BaseDictionary.PRODUCT_NAME, "osprey")
                .add(BaseDictionary.AUTH_APPLICATION_ID, CxDictionary.APPLICATION.id())
                .add(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, Avps.of(BaseDictionary.VENDOR_ID, 10415),
                        Avps.of(BaseDictionary.AUTH_APPLICATION_ID, 16777216))
                .add(BaseDictionary.FIRMWARE_REVISION, 1)
                .build();
    }

    @Test
    void cerEncodesToTheHandWrittenBytes() throws Exception {
        assertThat(hexOf(DiameterEncoder.toByteArray(builtCer()))).isEqualTo(hexOf(hex(CER)));
    }

    @Test
    void anEncodedMessageTakesAnotherHopByHopIdInACopy() {
        byte[] original = hex(CER);

        byte[] again = DiameterEncoder.withHopByHopId(original, new HopByHopId(0x0A0B0C0D));

        assertThat(hexOf(again)).isEqualTo(hexOf(hex(CER.replace("11223344", "0a0b0c0d"))));
        assertThat(original).as("the kept answer is not changed").isEqualTo(hex(CER));
    }

    @Test
    void cerDecodesToItsFields() throws Exception {
        DiameterMessage cer = new DiameterDecoder().decode(hex(CER));

        assertThat(cer.isRequest()).isTrue();
        assertThat(cer.isProxiable()).isFalse();
        assertThat(cer.commandCode()).isEqualTo(257);
        assertThat(cer.applicationId()).isZero();
        assertThat(cer.hopByHopId()).isEqualTo(new HopByHopId(0x11223344));
        assertThat(cer.endToEndId()).isEqualTo(new EndToEndId(0x55667788));
        assertThat(cer.length()).isEqualTo(144);
        assertThat(cer.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity()).isEqualTo("a.b");
        assertThat(cer.avp(BaseDictionary.HOST_IP_ADDRESS).orElseThrow().asAddress())
                .isEqualTo(DiameterAddress.of(InetAddress.getByName("127.0.0.1")));
        assertThat(cer.avp(BaseDictionary.PRODUCT_NAME).orElseThrow().isMandatory()).isFalse();
        assertThat(cer.find(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID, BaseDictionary.AUTH_APPLICATION_ID)
                .orElseThrow().asUnsigned32()).isEqualTo(16777216L);
        assertThat(cer.avps(BaseDictionary.AUTH_APPLICATION_ID)).hasSize(1);
        assertThat(cer).isEqualTo(builtCer());
    }

    @Test
    void dwrMatchesTheReferenceHeader() {
        // Reference: DWR with R set, app 0, hop-by-hop = end-to-end = 1: 01 000044 80 000118 00000000 00000001 00000001
        DiameterMessage dwr = DiameterMessage.request(BaseDictionary.DEVICE_WATCHDOG,
                        new LocalIdentity("scscf.ims.example", "ims.example", new SessionIdGenerator("x", 0),
                                new EndToEndIdGenerator(Instant.EPOCH, 1)))
                .hopByHopId(new HopByHopId(1)).build();
        // Origin-Host 28 octets on the wire + Origin-Realm (11 octets, length 19) 20 octets: 20 + 28 + 20 = 68 = 0x44
        assertThat(hexOf(DiameterEncoder.toByteArray(dwr))).startsWith("01000044800001180000000000000001" + "00000001");
    }

    @Test
    void unknownAvpsAndNonZeroPaddingReEncodeByteExact() {
        byte[] frame = TestFrames.requestFrame(
                // unknown vendor AVP 99999 (0x1869f) of vendor 12345 (0x3039), M+V, 5 data octets, padding "abc"
                "0001869f c0 000011 00003039 0102030405 616263"
                        // unknown AVP 5000 (0x1388) with the reserved flag bits set, 1 octet, zero padding
                        + " 00001388 1f 000009 ff 000000");
        DiameterMessage message = new DiameterDecoder().decode(frame);

        Avp unknown = message.avp(99999, 12345).orElseThrow();
        assertThat(unknown.isGrouped()).isFalse();
        assertThat(unknown.isMandatory()).isTrue();
        assertThat(hexOf(unknown.asOctets())).isEqualTo("0102030405");
        assertThat(message.avp(5000).orElseThrow().flags()).isEqualTo(0x1f);
        assertThat(DiameterEncoder.toByteArray(message)).isEqualTo(frame);
    }

    @Test
    void groupedWhoseLastMemberIsUnpaddedReEncodesByteExact() {
        // Failed-AVP (279 = 0x117) of length 8 + 9 = 17 holding Origin-Host "x" (length 9) without its padding;
        // the group's own 3 padding octets follow.
        byte[] frame = TestFrames.requestFrame("00000117 40 000011 00000108 40 000009 78 000000");
        DiameterMessage message = new DiameterDecoder().decode(frame);

        Avp member = message.avp(BaseDictionary.FAILED_AVP).orElseThrow().asGrouped().get(0);
        assertThat(member.asDiameterIdentity()).isEqualTo("x");
        assertThat(DiameterEncoder.toByteArray(message)).isEqualTo(frame);
        // Standing alone, the member gets its own zero padding.
        assertThat(hexOf(member)).isEqualTo("0000010840000009" + "78000000");
    }

    @Test
    void failedAvpMembersAreFramedButNotChecked() {
        // an answer whose Failed-AVP (length 20) holds a User-Name with invalid UTF-8 (c0 af)
        byte[] frame = TestFrames.frame(0x00, 280, "00000117 40 000014 00000001 40 00000a c0af 0000");
        Avp member = new DiameterDecoder().decode(frame).avp(BaseDictionary.FAILED_AVP).orElseThrow().asGrouped().get(0);
        assertThat(hexOf(member.asOctets())).isEqualTo("c0af");

        // a Failed-AVP holding a header whose AVP Length (255) overruns: the group stays raw
        byte[] broken = TestFrames.frame(0x00, 280, "00000117 40 000010 0000010c 40 0000ff");
        DiameterMessage message = new DiameterDecoder().decode(broken);
        assertThat(message.avp(BaseDictionary.FAILED_AVP).orElseThrow().isGrouped()).isFalse();
        assertThat(DiameterEncoder.toByteArray(message)).isEqualTo(broken);
    }

    @Test
    void builtMessagesRoundTrip() throws Exception {
        DiameterMessage mar = DiameterMessage.request(CxDictionary.MULTIMEDIA_AUTH, LOCAL)
                .destinationRealm("ims.example")
                .add(BaseDictionary.USER_NAME, "alice@ims.example")
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:alice@ims.example")
                .add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, 1)
                .add(CxDictionary.SERVER_NAME, "sip:scscf.ims.example:6060")
                .add(CxDictionary.SIP_AUTH_DATA_ITEM, Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, "Digest-AKAv1-MD5"),
                        Avps.of(CxDictionary.SIP_AUTHORIZATION, new byte[30]))
                .build();
        byte[] wire = DiameterEncoder.toByteArray(mar);
        DiameterMessage decoded = new DiameterDecoder().decode(wire);

        assertThat(decoded).isEqualTo(mar);
        assertThat(decoded.find(CxDictionary.SIP_AUTH_DATA_ITEM, CxDictionary.SIP_AUTHENTICATION_SCHEME)
                .orElseThrow().asUtf8()).isEqualTo("Digest-AKAv1-MD5");
        assertThat(DiameterEncoder.toByteArray(decoded)).isEqualTo(wire);
        assertThat(wire.length % 4).isZero();
    }
}
