package io.osprey.sip.secagree;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.sip.message.SipSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Fuzzes {@link SecurityMechanisms#parse(String)}; without {@code JAZZER_FUZZ} it replays the seeds in
 * {@code SecurityMechanismsFuzzTestInputs/parse}. Invariants: only {@link SipSyntaxException} escapes, typed
 * accessors never fail on a parsed mechanism, the formatted list parses back to an equal list, and a list is
 * agreed with itself.
 */
class SecurityMechanismsFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        List<SecurityMechanism> parsed;
        try {
            parsed = SecurityMechanisms.parse(new String(input, StandardCharsets.UTF_8));
        } catch (SipSyntaxException expected) {
            return;
        }
        for (SecurityMechanism m : parsed) {
            assertThat(m.preference()).isBetween(0, 1000);
            assertThat(m.spiC()).isGreaterThanOrEqualTo(-1);
            assertThat(m.portS()).isBetween(-1, 65535);
        }
        assertThat(SecurityMechanisms.parse(SecurityMechanisms.format(parsed))).isEqualTo(parsed);
        assertThat(SecurityAgreement.verify(parsed, parsed)).isTrue();
        assertThat(SecurityAgreement.select(parsed, parsed)).isPresent();
    }
}
