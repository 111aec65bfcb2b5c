package io.osprey.sip.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes {@link RegInfoXmlParser}. Without {@code JAZZER_FUZZ} it replays the committed seeds in
 * {@code RegInfoXmlParserFuzzTestInputs/parse} as a regression test. Invariants: only {@link RegInfoParseException}
 * escapes, and whatever parses is written back to a document that parses to an equal model and is written
 * identically again.
 */
class RegInfoXmlParserFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        RegInfo parsed;
        try {
            parsed = RegInfoXmlParser.parse(input);
        } catch (RegInfoParseException expected) {
            return;
        }
        String written = RegInfoXmlWriter.write(parsed);
        RegInfo reparsed = RegInfoXmlParser.parse(written);
        assertThat(reparsed).isEqualTo(parsed);
        assertThat(RegInfoXmlWriter.write(reparsed)).isEqualTo(written);
    }
}
