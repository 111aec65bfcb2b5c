package io.osprey.cscf.numbers;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.cscf.numbers.NormalizedNumber.Global;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Fuzzes {@link NumberNormalizer} with arbitrary URI text and dialled strings; without {@code JAZZER_FUZZ} it replays
 * the seeds in {@code NumberNormalizerFuzzTestInputs/normalize}. Invariants: nothing throws (bad input is
 * {@link NormalizedNumber.NotANumber}), a global result is a valid E.164 number that normalises to itself as a tel
 * URI, and the route table answers for it.
 */
class NumberNormalizerFuzzTest {

    private static final NumberNormalizer NORMALIZER =
            new NumberNormalizer(NumberingPlan.of("49", "ims.mnc001.mcc001.3gppnetwork.org"));
    private static final PrefixRouteTable ROUTES = PrefixRouteTable.of(Map.of("+49", "sip:de", "+", "sip:x"));

    @FuzzTest(maxDuration = "30s")
    void normalize(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        for (NormalizedNumber n : new NormalizedNumber[] {NORMALIZER.normalize(text), NORMALIZER.dialled(text)}) {
            if (n instanceof Global g) {
                assertThat(NORMALIZER.normalize(g.toTelUri())).isEqualTo(g);
                assertThat(ROUTES.route(g)).isPresent();
            }
        }
    }
}
