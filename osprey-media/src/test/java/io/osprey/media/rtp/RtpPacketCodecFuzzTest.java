package io.osprey.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzzes {@link RtpPacketCodec#decode}; without {@code JAZZER_FUZZ=1} it replays the committed seeds in
 * {@code RtpPacketCodecFuzzTestInputs/fuzzDecode/}. Properties: only {@link RtpDecodeException} escapes; a decoded
 * packet fits in the datagram, re-encodes to the same length and decodes back equal; without padding the encoding
 * is byte-exact (padding octets other than the count are re-encoded as zero).
 */
class RtpPacketCodecFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzzDecode(byte[] input) {
        RtpPacket packet;
        try {
            packet = RtpPacketCodec.decode(input.clone());
        } catch (RtpDecodeException e) {
            assertThat(e.field()).isNotNull();
            return;
        }
        byte[] encoded = RtpPacketCodec.encode(packet);
        assertThat(encoded).hasSize(input.length);
        assertThat(RtpPacketCodec.decode(encoded)).isEqualTo(packet);
        if (!packet.hasPadding()) {
            assertThat(encoded).isEqualTo(input);
        } else {
            assertThat(Arrays.copyOf(encoded, input.length - packet.paddingLength()))
                    .isEqualTo(Arrays.copyOf(input, input.length - packet.paddingLength()));
        }
    }
}
