package io.osprey.diameter.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.EndToEndIdGenerator;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.message.SessionIdGenerator;
import java.time.Instant;

/**
 * Fuzzes decoding, validation and error answering. Without {@code JAZZER_FUZZ=1} it runs as a regression
 * test over the committed seeds in {@code DiameterDecoderFuzzTestInputs/fuzzDecode/}. Properties: only a
 * {@link DiameterDecodeException} escapes; whatever decodes re-encodes byte-exact; every answer built for a
 * failure encodes and decodes again.
 */
class DiameterDecoderFuzzTest {

    private static final DiameterDecoder DECODER = new DiameterDecoder();
    private static final DiameterValidator VALIDATOR = new DiameterValidator();
    private static final LocalIdentity LOCAL = new LocalIdentity("fuzz.example", "example",
            new SessionIdGenerator("fuzz.example", 1), new EndToEndIdGenerator(Instant.EPOCH, 0));

    @FuzzTest(maxDuration = "60s")
    void fuzzDecode(byte[] input) {
        DiameterMessage message;
        try {
            message = DECODER.decode(input.clone());
        } catch (DiameterDecodeException e) {
            ErrorAnswers.forDecodeFailure(e, LOCAL).ifPresent(DiameterDecoderFuzzTest::assertRoundTrips);
            return;
        }
        assertThat(DiameterEncoder.toByteArray(message)).isEqualTo(input);
        message.result();
        try {
            VALIDATOR.validate(message);
        } catch (DiameterDecodeException e) {
            if (message.isRequest()) {
                assertRoundTrips(ErrorAnswers.forRequest(message, e, LOCAL));
            }
        }
    }

    private static void assertRoundTrips(DiameterMessage answer) {
        byte[] wire = DiameterEncoder.toByteArray(answer);
        assertThat(DiameterEncoder.toByteArray(DECODER.decode(wire))).isEqualTo(wire);
    }
}
