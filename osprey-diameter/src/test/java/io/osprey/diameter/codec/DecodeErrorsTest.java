package io.osprey.diameter.codec;

import static io.osprey.diameter.codec.TestFrames.frame;
import static io.osprey.diameter.codec.TestFrames.hex;
import static io.osprey.diameter.codec.TestFrames.hexOf;
import static io.osprey.diameter.codec.TestFrames.requestFrame;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.osprey.diameter.dictionary.DiameterDictionary;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.HopByHopId;
import org.junit.jupiter.api.Test;

/** Every failure path of {@link DiameterDecoder}, each with its RFC 6733 §7.1 result code and Failed-AVP. */
class DecodeErrorsTest {

    private final DiameterDecoder decoder = new DiameterDecoder();

    private DiameterDecodeException failure(byte[] frame) {
        return failure(decoder, frame);
    }

    private static DiameterDecodeException failure(DiameterDecoder decoder, byte[] frame) {
        return catchThrowableOfType(DiameterDecodeException.class, () -> decoder.decode(frame));
    }

    private static String failedHex(DiameterDecodeException e) {
        return hexOf(e.failedAvp().orElseThrow());
    }

    @Test
    void frameShorterThanTheHeader() {
        DiameterDecodeException e = failure(hex("01 000010 80 000118 00000000 00000001"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5015));
        assertThat(e.partialMessage()).isEmpty();
    }

    @Test
    void versionOtherThanOne() {
        byte[] frame = requestFrame("");
        frame[0] = 2;
        DiameterDecodeException e = failure(frame);
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5011));
        assertThat(e.partialMessage().orElseThrow().hopByHopId()).isEqualTo(new HopByHopId(0x11111111));
        assertThat(e.getMessage()).contains("version 2");
    }

    @Test
    void messageLengthDisagreesWithTheFrame() {
        byte[] frame = requestFrame("0000010c 40 00000c 000007d1");
        frame[3] = 0x24; // says 36, frame is 32
        assertThat(failure(frame).resultCode()).isEqualTo(ResultCode.base(5015));
    }

    @Test
    void messageLengthNotAMultipleOfFour() {
        // 22 octets: a header and two stray octets, and the Message Length says 22
        assertThat(failure(hex("01 000016 80 000118 00000000 11111111 22222222 0000")).resultCode())
                .isEqualTo(ResultCode.base(5015));
    }

    @Test
    void messageLongerThanTheLimit() {
        DiameterDecoder small = new DiameterDecoder(DiameterDictionary.standard(), new DiameterLimits(24, 10, 2));
        DiameterDecodeException e = failure(small, requestFrame("0000010c 40 00000c 000007d1"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5015));
        assertThat(e.getMessage()).contains("32").contains("24");
    }

    @Test
    void bufferLongerThanTheLimitIsRefusedBeforeCopying() {
        DiameterDecoder small = new DiameterDecoder(DiameterDictionary.standard(), new DiameterLimits(24, 10, 2));
        ByteBuf buf = Unpooled.wrappedBuffer(requestFrame("0000010c 40 00000c 000007d1"));
        DiameterDecodeException e = catchThrowableOfType(DiameterDecodeException.class, () -> small.decode(buf));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5015));
        assertThat(e.partialMessage().orElseThrow().isRequest()).isTrue();
        assertThat(buf.readerIndex()).isZero();
    }

    @Test
    void errorBitInARequest() {
        assertThat(failure(frame(0xA0, 280, "")).resultCode()).isEqualTo(ResultCode.base(3008));
    }

    @Test
    void truncatedAvpHeaderIsReportedZeroPadded() {
        // 4 octets left for an AVP header: code 268 only. RFC 6733 §7.5 pads the header with zeros.
        DiameterDecodeException e = failure(requestFrame("0000010c"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        assertThat(failedHex(e)).isEqualTo("0000010c" + "00000008");
    }

    @Test
    void vendorFlagWithoutRoomForTheVendorId() {
        // V set, 8 octets remain but the header needs 12
        DiameterDecodeException e = failure(requestFrame("00000201 c0 000010"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
    }

    @Test
    void vendorFlagWithVendorIdZero() {
        DiameterDecodeException e = failure(requestFrame("00000201 c0 000010 00000000 00000008"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(3009));
        assertThat(e.failedAvp().orElseThrow().code()).isEqualTo(513);
    }

    @Test
    void avpLengthBelowTheHeaderLength() {
        // Result-Code claiming length 4: Failed-AVP is its header with a zero Unsigned32 payload
        DiameterDecodeException e = failure(requestFrame("0000010c 40 000004 000007d1"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        assertThat(failedHex(e)).isEqualTo("0000010c4000000c" + "00000000");
    }

    @Test
    void avpLengthBeyondTheMessage() {
        DiameterDecodeException e = failure(requestFrame("0000010c 40 000040 000007d1"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        assertThat(e.getMessage()).contains("Result-Code").contains("64");
    }

    @Test
    void fixedLengthFormatWithTheWrongLength() {
        // Result-Code with 5 data octets: length 13, 3 octets padding; Failed-AVP is a copy of it
        DiameterDecodeException e = failure(requestFrame("0000010c 40 00000d 00000007d1 000000"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        assertThat(failedHex(e)).isEqualTo("0000010c4000000d00000007d1000000");
    }

    @Test
    void addressWithTheWrongLengthForItsFamily() {
        // Host-IP-Address family 1 with 3 address octets
        assertThat(failure(requestFrame("00000101 40 00000d 0001 7f0000 000000")).resultCode())
                .isEqualTo(ResultCode.base(5014));
        // one octet: not even a family
        assertThat(failure(requestFrame("00000101 40 000009 01 000000")).resultCode()).isEqualTo(ResultCode.base(5014));
    }

    @Test
    void invalidUtf8() {
        // User-Name with an overlong encoding of '/' (c0 af)
        DiameterDecodeException e = failure(requestFrame("00000001 40 00000a c0af 0000"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5004));
        assertThat(failedHex(e)).isEqualTo("000000014000000ac0af0000");
    }

    @Test
    void invalidDiameterIdentity() {
        // Origin-Host "a b" (space) and an empty Destination-Host (293 = 0x125)
        assertThat(failure(requestFrame("00000108 40 00000b 612062 00")).resultCode()).isEqualTo(ResultCode.base(5004));
        assertThat(failure(requestFrame("00000125 40 000008")).resultCode()).isEqualTo(ResultCode.base(5004));
    }

    @Test
    void invalidDiameterUri() {
        // Redirect-Host (292 = 0x124) "http://x"
        DiameterDecodeException e = failure(requestFrame("00000124 40 000010 687474703a2f2f78"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5004));
        assertThat(e.getMessage()).contains("aaa://");
    }

    @Test
    void tooManyAvps() {
        DiameterDecoder small = new DiameterDecoder(DiameterDictionary.standard(), new DiameterLimits(1024, 2, 2));
        String resultCode = "0000010c 40 00000c 000007d1 ";
        assertThat(failure(small, requestFrame(resultCode.repeat(3))).resultCode()).isEqualTo(ResultCode.base(5012));
        assertThat(small.decode(requestFrame(resultCode.repeat(2))).avps()).hasSize(2);
    }

    @Test
    void groupedNestingDeeperThanTheLimit() {
        DiameterDecoder flat = new DiameterDecoder(DiameterDictionary.standard(), new DiameterLimits(1024, 10, 0));
        String experimentalResult = "00000129 40 000020 0000010a 40 00000c 000028af 0000012a 40 00000c 000007d1";
        DiameterDecodeException e = failure(flat, requestFrame(experimentalResult));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5012));
        assertThat(failedHex(e)).isEqualTo("0000012940000008");
    }

    @Test
    void strayOctetsInsideAGroupedAvp() {
        // Experimental-Result of length 8 + 12 + 2: a complete Vendor-Id, then two octets that cannot be an AVP
        DiameterDecodeException e = failure(requestFrame("00000129 40 000016 0000010a 40 00000c 000028af 0000 0000"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        Avp group = e.failedAvp().orElseThrow();
        assertThat(group.code()).isEqualTo(297);
    }

    @Test
    void memberAvpThatOverrunsItsPaddingInsideAGroup() {
        // Experimental-Result of length 8 + 9 + 2: a 9-octet member is followed by 2 octets, less than its padding
        DiameterDecodeException e = failure(requestFrame("00000129 40 000013 00000108 40 000009 78 0000 00"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
    }

    @Test
    void errorInsideAGroupedAvpReportsTheGroupPath() {
        // Experimental-Result whose Vendor-Id has 3 data octets (length 11)
        DiameterDecodeException e = failure(requestFrame(
                "00000129 40 000020 0000010a 40 00000b 0028af 00 0000012a 40 00000c 000007d1"));
        assertThat(e.resultCode()).isEqualTo(ResultCode.base(5014));
        Avp group = e.failedAvp().orElseThrow();
        assertThat(group.code()).isEqualTo(297);
        assertThat(group.asGrouped()).hasSize(1);
        assertThat(hexOf(group.asGrouped().get(0))).isEqualTo("0000010a4000000b0028af00");
    }

    @Test
    void partialMessageKeepsTheAvpsBeforeTheError() {
        // Session-Id "s" (263 = 0x107), then a truncated AVP
        DiameterDecodeException e = failure(requestFrame("00000107 40 000009 73 000000 0000010c"));
        DiameterMessage partial = e.partialMessage().orElseThrow();
        assertThat(partial.sessionId()).contains("s");
        assertThat(partial.commandCode()).isEqualTo(280);
        assertThat(e.isFramingError()).isFalse();
    }
}
