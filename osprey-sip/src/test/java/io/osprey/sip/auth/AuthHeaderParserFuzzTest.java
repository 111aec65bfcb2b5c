package io.osprey.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes {@link AuthHeaderParser}; without {@code JAZZER_FUZZ} it replays the seed corpus in
 * {@code AuthHeaderParserFuzzTestInputs/parse}. Invariants: only {@link AuthParseException} escapes, and a parsed
 * value is formatted to text that parses back to an equal value.
 */
class AuthHeaderParserFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String header = new String(input, StandardCharsets.UTF_8);
        AuthHeaderValue parsed;
        try {
            parsed = AuthHeaderParser.DEFAULT.parse(header);
        } catch (AuthParseException expected) {
            return;
        }
        String formatted = parsed.toString();
        assertThat(AuthHeaderParser.DEFAULT.parse(formatted)).isEqualTo(parsed);
        if (parsed.isDigest()) {
            // typed views never fail on a parsed Digest value, whatever is missing
            DigestCredentials credentials = DigestCredentials.of(parsed);
            assertThat(credentials.toString()).isEqualTo(formatted);
        }
    }
}
