package io.osprey.aka;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link AkaNonce#parse}; without {@code JAZZER_FUZZ} it replays the seeds in
 * {@code AkaNonceFuzzTestInputs/parse}. Invariants: only {@link IllegalArgumentException} escapes, and a parsed
 * nonce stays within its limits and encodes to text that parses back to an equal nonce.
 */
class AkaNonceFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        AkaNonce nonce;
        try {
            nonce = AkaNonce.parse(text);
        } catch (IllegalArgumentException expected) {
            return;
        }
        assertThat(nonce.rand()).hasSize(16);
        assertThat(nonce.autn()).hasSize(16);
        assertThat(nonce.serverData().length).isBetween(0, AkaNonce.MAX_SERVER_DATA);
        String encoded = nonce.encode();
        assertThat(encoded.length()).isLessThanOrEqualTo(AkaNonce.MAX_ENCODED_LENGTH);
        assertThat(AkaNonce.parse(encoded)).isEqualTo(nonce);
        assertThat(AkaNonce.fromOctets(nonce.octets())).isEqualTo(nonce);
    }
}
