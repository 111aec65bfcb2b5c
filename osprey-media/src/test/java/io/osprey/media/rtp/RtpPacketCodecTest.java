package io.osprey.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class RtpPacketCodecTest {

    private static final HexFormat HEX = HexFormat.of();

    private static byte[] hex(String text) {
        return HEX.parseHex(text.replace(" ", ""));
    }

    @Test
    void decodesMinimalPcmuPacket() {
        // V=2 P=0 X=0 CC=0 | M=0 PT=0 | seq 1 | ts 160 | SSRC 0xDEADBEEF | 2 payload octets
        byte[] wire = hex("8000 0001 000000A0 DEADBEEF FF7F");
        RtpPacket packet = RtpPacketCodec.decode(wire);

        assertThat(packet.marker()).isFalse();
        assertThat(packet.payloadType()).isZero();
        assertThat(packet.sequenceNumber()).isEqualTo(1);
        assertThat(packet.timestamp()).isEqualTo(160);
        assertThat(packet.ssrc()).isEqualTo(0xDEADBEEFL);
        assertThat(packet.csrcs()).isEmpty();
        assertThat(packet.extension()).isEmpty();
        assertThat(packet.hasPadding()).isFalse();
        assertThat(packet.payload()).containsExactly(0xFF, 0x7F);
        assertThat(RtpPacketCodec.encode(packet)).isEqualTo(wire);
    }

    @Test
    void decodesMarkerPayloadTypeAndUnsignedFields() {
        // M=1 PT=8, seq 0xFFFF, ts 0xFFFFFFFF, SSRC 0x80000001: no field may come out negative.
        byte[] wire = hex("8088 FFFF FFFFFFFF 80000001 D5");
        RtpPacket packet = RtpPacketCodec.decode(wire);

        assertThat(packet.marker()).isTrue();
        assertThat(packet.payloadType()).isEqualTo(8);
        assertThat(packet.sequenceNumber()).isEqualTo(0xFFFF);
        assertThat(packet.timestamp()).isEqualTo(0xFFFFFFFFL);
        assertThat(packet.ssrc()).isEqualTo(0x80000001L);
        assertThat(RtpPacketCodec.encode(packet)).isEqualTo(wire);
    }

    @Test
    void decodesCsrcListExtensionAndPadding() {
        // 0xB1: V=2 P=1 X=1 CC=1; CSRC 0x01020304; extension profile 0xBEDE, 1 word 0x10AA0000;
        // payload 0x5566; padding 00 00 03 (count octet included).
        byte[] wire = hex("B1 60 1234 00010000 CAFEBABE 01020304 BEDE0001 10AA0000 5566 000003");
        RtpPacket packet = RtpPacketCodec.decode(wire);

        assertThat(packet.payloadType()).isEqualTo(96);
        assertThat(packet.sequenceNumber()).isEqualTo(0x1234);
        assertThat(packet.timestamp()).isEqualTo(0x10000);
        assertThat(packet.csrcs()).containsExactly(0x01020304L);
        RtpHeaderExtension extension = packet.extension().orElseThrow();
        assertThat(extension.profile()).isEqualTo(0xBEDE);
        assertThat(extension.data()).containsExactly(0x10, 0xAA, 0x00, 0x00);
        assertThat(packet.payload()).containsExactly(0x55, 0x66);
        assertThat(packet.paddingLength()).isEqualTo(3);
        assertThat(RtpPacketCodec.encode(packet)).isEqualTo(wire);
    }

    @Test
    void skipsEmptyExtensionAndKeepsFifteenCsrcs() {
        StringBuilder wire = new StringBuilder("9F 00 0000 00000000 00000001");
        for (int i = 1; i <= 15; i++) {
            wire.append(String.format(" %08X", i));
        }
        wire.append(" 0001 0000 AB");
        RtpPacket packet = RtpPacketCodec.decode(hex(wire.toString()));

        assertThat(packet.csrcCount()).isEqualTo(15);
        assertThat(packet.csrcs()[14]).isEqualTo(15);
        assertThat(packet.extension().orElseThrow().dataLength()).isZero();
        assertThat(packet.payload()).containsExactly(0xAB);
    }

    @Test
    void paddingMayFillEverythingAfterTheHeader() {
        RtpPacket packet = RtpPacketCodec.decode(hex("A0 00 0000 00000000 00000000 00000004"));
        assertThat(packet.payloadLength()).isZero();
        assertThat(packet.paddingLength()).isEqualTo(4);
    }

    @Test
    void rejectsEachInvalidFieldByName() {
        assertRejected("8000 0001 000000A0 DEADBE", RtpHeaderField.LENGTH, "11 octets");
        assertRejected("", RtpHeaderField.LENGTH, "0 octets");
        assertRejected("4000 0001 000000A0 DEADBEEF", RtpHeaderField.VERSION, "version is 1");
        assertRejected("C000 0001 000000A0 DEADBEEF", RtpHeaderField.VERSION, "version is 3");
        assertRejected("8300 0001 000000A0 DEADBEEF 00000001 00000002", RtpHeaderField.CSRC_COUNT, "CC 3");
        assertRejected("9000 0001 000000A0 DEADBEEF BEDE", RtpHeaderField.EXTENSION_LENGTH, "extension header");
        assertRejected("9000 0001 000000A0 DEADBEEF BEDE0002 00000000", RtpHeaderField.EXTENSION_LENGTH, "2 words");
        assertRejected("A000 0001 000000A0 DEADBEEF", RtpHeaderField.PADDING, "no octet");
        assertRejected("A000 0001 000000A0 DEADBEEF 0000", RtpHeaderField.PADDING, "padding count is 0");
        assertRejected("A000 0001 000000A0 DEADBEEF 0003", RtpHeaderField.PADDING, "padding count is 3");
        assertRejected("B000 0001 000000A0 DEADBEEF BEDE0000 05", RtpHeaderField.PADDING, "must be 1..1");
        // 0x80 0xC8 is an RTCP Sender Report header, not RTP with M=1 PT=72 (RFC 5761 §4).
        assertRejected("80C8 0006 000000A0 DEADBEEF", RtpHeaderField.PAYLOAD_TYPE, "RTCP packet type 200");
        assertRejected("80DF 0006 000000A0 DEADBEEF", RtpHeaderField.PAYLOAD_TYPE, "223");
    }

    @Test
    void acceptsSecondOctetsJustOutsideTheRtcpRange() {
        assertThat(RtpPacketCodec.decode(hex("80BF 0001 00000000 00000000")).payloadType()).isEqualTo(63);
        assertThat(RtpPacketCodec.decode(hex("80E0 0001 00000000 00000000")).payloadType()).isEqualTo(96);
    }

    @Test
    void rejectsDatagramsAboveTheLimitAndAcceptsOneAtIt() {
        byte[] atLimit = new byte[RtpPacketCodec.MAX_PACKET_LENGTH];
        atLimit[0] = (byte) 0x80;
        assertThat(RtpPacketCodec.decode(atLimit).payloadLength())
                .isEqualTo(RtpPacketCodec.MAX_PACKET_LENGTH - RtpPacket.FIXED_HEADER_LENGTH);
        byte[] over = new byte[RtpPacketCodec.MAX_PACKET_LENGTH + 1];
        over[0] = (byte) 0x80;
        assertThatThrownBy(() -> RtpPacketCodec.decode(over))
                .isInstanceOfSatisfying(RtpDecodeException.class,
                        e -> assertThat(e.field()).isEqualTo(RtpHeaderField.LENGTH))
                .hasMessageContaining("limit " + RtpPacketCodec.MAX_PACKET_LENGTH);
    }

    @Test
    void everyTruncationEitherDecodesOrFailsWithATypedError() {
        byte[] wire = hex("B1 60 1234 00010000 CAFEBABE 01020304 BEDE0001 10AA0000 5566 000003");
        for (int length = 0; length < wire.length; length++) {
            ByteBuffer prefix = ByteBuffer.wrap(wire, 0, length);
            try {
                RtpPacketCodec.decode(prefix);
            } catch (RtpDecodeException expected) {
                assertThat(prefix.position()).as("position after failure").isZero();
                continue;
            }
            assertThat(prefix.hasRemaining()).isFalse();
        }
    }

    @Test
    void decodesFromBufferPositionAndConsumesTheDatagram() {
        byte[] wire = hex("EEEE 8000 0001 000000A0 DEADBEEF 01");
        ByteBuffer buffer = ByteBuffer.wrap(wire).position(2);
        RtpPacket packet = RtpPacketCodec.decode(buffer);
        assertThat(packet.payload()).containsExactly(0x01);
        assertThat(buffer.position()).isEqualTo(wire.length);
    }

    @Test
    void encodesPaddingWithCountInLastOctet() {
        RtpPacket packet = new RtpPacket(true, 0, 7, 320, 1, new long[] {2}, null, new byte[] {9}, 4);
        assertThat(RtpPacketCodec.encode(packet)).isEqualTo(hex("A1 80 0007 00000140 00000001 00000002 09 000000 04"));
        assertThat(RtpPacketCodec.decode(RtpPacketCodec.encode(packet))).isEqualTo(packet);
    }

    @Test
    void encodeRefusesABufferTooSmall() {
        RtpPacket packet = RtpPacket.of(false, 0, 0, 0, 0, new byte[160]);
        ByteBuffer small = ByteBuffer.allocate(packet.encodedLength() - 1);
        assertThatThrownBy(() -> RtpPacketCodec.encode(packet, small)).isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isZero();
    }

    @Test
    void packetRejectsOutOfRangeFields() {
        byte[] none = new byte[0];
        assertThatThrownBy(() -> RtpPacket.of(false, 128, 0, 0, 0, none)).hasMessageContaining("payload type 128");
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 65536, 0, 0, none)).hasMessageContaining("sequence number");
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 0, 1L << 32, 0, none)).hasMessageContaining("timestamp");
        assertThatThrownBy(() -> RtpPacket.of(false, 0, 0, 0, -1, none)).hasMessageContaining("SSRC");
        assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 0, 0, new long[16], null, none, 0))
                .hasMessageContaining("CSRC count 16");
        assertThatThrownBy(() -> new RtpPacket(false, 0, 0, 0, 0, new long[0], null, none, 256))
                .hasMessageContaining("padding length 256");
        assertThatThrownBy(() -> new RtpHeaderExtension(0, new byte[3])).hasMessageContaining("32-bit words");
    }

    @Test
    void packetIsImmutable() {
        byte[] payload = {1, 2};
        long[] csrcs = {5};
        RtpPacket packet = new RtpPacket(false, 0, 0, 0, 0, csrcs, null, payload, 0);
        payload[0] = 9;
        csrcs[0] = 9;
        packet.payload()[1] = 9;
        packet.csrcs()[0] = 9;
        assertThat(packet.payload()).containsExactly(1, 2);
        assertThat(packet.csrcs()).containsExactly(5L);
    }

    private static void assertRejected(String wire, RtpHeaderField field, String messagePart) {
        assertThatThrownBy(() -> RtpPacketCodec.decode(hex(wire)))
                .as(wire)
                .isInstanceOfSatisfying(RtpDecodeException.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(messagePart);
    }
}
