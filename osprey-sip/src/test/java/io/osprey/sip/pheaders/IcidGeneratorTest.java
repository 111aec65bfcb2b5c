package io.osprey.sip.pheaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.sip.uri.SipGrammar;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IcidGeneratorTest {

    @Test
    void valuesAreUniqueAcrossOneMillionConcurrentCallsEvenWithAFrozenClock() throws Exception {
        IcidGenerator generator = new IcidGenerator("pcscf1", () -> 1_700_000_000_000L);
        int threads = 8;
        int perThread = 125_000;
        List<Future<String[]>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                results.add(pool.submit(() -> {
                    String[] out = new String[perThread];
                    for (int i = 0; i < perThread; i++) {
                        out[i] = generator.next();
                    }
                    return out;
                }));
            }
            Set<String> seen = new HashSet<>(threads * perThread * 2);
            for (Future<String[]> f : results) {
                for (String icid : f.get()) {
                    assertThat(seen.add(icid)).as("duplicate %s", icid).isTrue();
                }
            }
            assertThat(seen).hasSize(1_000_000);
        }
    }

    @Test
    void valueIsPrefixTimeAndCounterAsTokens() {
        long[] now = {0x19a4c2e7f10L};
        IcidGenerator generator = new IcidGenerator("scscf-2", () -> now[0]);

        assertThat(generator.next()).isEqualTo("scscf-2.19a4c2e7f10.0");
        now[0]++;
        String second = generator.next();
        assertThat(second).isEqualTo("scscf-2.19a4c2e7f11.1");
        assertThat(SipGrammar.isToken(second)).isTrue();
        assertThat(ChargingVector.parse(generator.nextVector("192.0.2.5").toString()))
                .isEqualTo(ChargingVector.of("scscf-2.19a4c2e7f11.2").withIcidGeneratedAt("192.0.2.5"));
    }

    @Test
    void systemClockValuesDiffer() {
        IcidGenerator generator = new IcidGenerator("as");

        assertThat(generator.next()).isNotEqualTo(generator.next()).startsWith("as.");
    }

    @Test
    void refusesPrefixesThatCouldCollide() {
        assertThatThrownBy(() -> new IcidGenerator("node.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IcidGenerator("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new IcidGenerator("x".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    }
}
