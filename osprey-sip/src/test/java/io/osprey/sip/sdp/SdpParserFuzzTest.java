package io.osprey.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link SdpParser} in both modes. Without {@code JAZZER_FUZZ} set, Jazzer runs the committed seed corpus in
 * {@code SdpParserFuzzTestInputs/parse} as a plain regression test. Invariants: only {@link SdpParseException}
 * escapes, and whatever parses is written back to text that parses to an equal description (and is written
 * identically again).
 */
class SdpParserFuzzTest {

    private static final SdpParser STRICT = SdpParser.strict();
    private static final SdpParser LENIENT = SdpParser.lenient();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        roundTrip(STRICT, input);
        roundTrip(LENIENT, input);
    }

    private static void roundTrip(SdpParser parser, byte[] input) {
        SessionDescription parsed;
        try {
            parsed = parser.parse(input);
        } catch (SdpParseException expected) {
            return;
        }
        byte[] written = parsed.toBytes();
        SessionDescription reparsed = parser.parse(written);
        assertThat(reparsed).isEqualTo(parsed);
        assertThat(reparsed.toBytes()).isEqualTo(written);
        // a strictly valid description is also leniently valid and means the same
        if (parser == STRICT) {
            assertThat(LENIENT.parse(written)).isEqualTo(parsed);
        }
    }
}
