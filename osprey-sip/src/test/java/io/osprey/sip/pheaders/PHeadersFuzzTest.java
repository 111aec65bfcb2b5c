package io.osprey.sip.pheaders;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.sip.message.SipSyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Fuzzes the P-Charging-Vector, P-Charging-Function-Addresses and P-Associated-URI parsers with the same input;
 * without {@code JAZZER_FUZZ} it replays the seeds in {@code PHeadersFuzzTestInputs/parse}. Invariants: only
 * {@link SipSyntaxException} escapes, and whatever parses is formatted to text that parses to an equal value.
 */
class PHeadersFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void parse(byte[] input) {
        String value = new String(input, StandardCharsets.UTF_8);
        try {
            ChargingVector v = ChargingVector.parse(value);
            assertThat(ChargingVector.parse(v.toString())).isEqualTo(v);
        } catch (SipSyntaxException expected) {
            // refused
        }
        try {
            ChargingFunctionAddresses a = ChargingFunctionAddresses.parse(value);
            assertThat(ChargingFunctionAddresses.parse(a.toString())).isEqualTo(a);
        } catch (SipSyntaxException expected) {
            // refused
        }
        try {
            AssociatedUris u = AssociatedUris.parse(value);
            assertThat(AssociatedUris.parse(u.toString())).isEqualTo(u);
        } catch (SipSyntaxException expected) {
            // refused
        }
    }
}
