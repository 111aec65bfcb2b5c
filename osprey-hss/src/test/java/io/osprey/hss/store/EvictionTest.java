package io.osprey.hss.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class EvictionTest {

    @Test
    void aFullMapLosesAQuarterOfItsEntriesAndTellsWhichWent() {
        ConcurrentHashMap<Integer, String> map = new ConcurrentHashMap<>();
        for (int i = 0; i < 1000; i++) {
            map.put(i, "v" + i);
        }
        List<String> removed = new ArrayList<>();

        Eviction.dropQuarter(map, removed::add);

        assertThat(map).hasSize(750);
        assertThat(removed).hasSize(250).doesNotContainAnyElementsOf(map.values());
    }

    @Test
    void aFullProvisionedCacheKeepsThreeQuartersOfWhatItHeld() {
        ProvisionedCache cache = new ProvisionedCache(java.time.Duration.ofHours(1), 100, System::nanoTime);
        for (int i = 0; i < 100; i++) {
            int n = i;
            cache.get("user" + n, () -> "v" + n);
        }

        cache.get("one more", () -> "new");

        assertThat(cache.size()).isEqualTo(76);
        int kept = 0;
        for (int i = 0; i < 100; i++) {
            try {
                cache.get("user" + i, () -> {
                    throw new IllegalStateException("evicted"); // a failed load caches nothing
                });
                kept++;
            } catch (IllegalStateException evicted) {
                // one of the quarter that went
            }
        }
        assertThat(kept).as("served without reading again").isEqualTo(75);
    }

    @Test
    void aFullRegistrationCacheKeepsThreeQuartersOfItsSets() {
        RegistrationCache cache = RegistrationCache.of(100);
        for (int i = 0; i < 100; i++) {
            cache.get(new PublicIdentityRows.SetKey("s" + i, 0), List::of);
        }

        cache.get(new PublicIdentityRows.SetKey("one more", 0), List::of);

        assertThat(cache.size()).isEqualTo(76);
    }
}
