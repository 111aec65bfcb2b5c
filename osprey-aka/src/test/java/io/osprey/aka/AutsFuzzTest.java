package io.osprey.aka;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link Auts#parse}; without {@code JAZZER_FUZZ} it replays the seeds in {@code AutsFuzzTestInputs/parse}.
 * Invariants: only {@link IllegalArgumentException} escapes, and a parsed AUTS is 14 octets (SQN_MS ⊕ AK* then
 * MAC-S) and encodes to text that parses back to an equal AUTS.
 */
class AutsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Auts auts;
        try {
            auts = Auts.parse(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertThat(auts.octets()).hasSize(Auts.LENGTH);
        assertThat(Auts.of(auts.concealedSqnMs(), auts.macS())).isEqualTo(auts);
        String encoded = auts.encode();
        assertThat(encoded).hasSize(20);
        assertThat(Auts.parse(encoded)).isEqualTo(auts);
    }
}
