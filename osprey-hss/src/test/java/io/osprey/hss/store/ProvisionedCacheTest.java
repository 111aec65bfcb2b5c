package io.osprey.hss.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProvisionedCacheTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();

    private ProvisionedCache cache(Duration ttl, int maxEntries) {
        return new ProvisionedCache(ttl, maxEntries, now::get);
    }

    private String load(String value) {
        loads.incrementAndGet();
        return value;
    }

    @Test
    void servesACurrentValueWithoutLoadingAgain() {
        ProvisionedCache cache = cache(Duration.ofSeconds(5), 10);

        assertThat(cache.get("alice", () -> load("v1"))).isEqualTo("v1");
        assertThat(cache.<String>get("alice", () -> load("v2"))).isEqualTo("v1");
        assertThat(loads).hasValue(1);
    }

    @Test
    void aCommittedChangeInvalidatesEverythingCachedBefore() {
        ProvisionedCache cache = cache(Duration.ofSeconds(5), 10);
        cache.get("alice", () -> load("v1"));

        cache.changed();

        assertThat(cache.<String>get("alice", () -> load("v2"))).isEqualTo("v2");
        assertThat(cache.<String>get("alice", () -> load("v3"))).isEqualTo("v2");
    }

    @Test
    void aValueReadWhileAChangeCommitsIsNotServedAfterIt() {
        ProvisionedCache cache = cache(Duration.ofSeconds(5), 10);

        // the read saw the database before the change committed; the change's invalidation lands meanwhile
        assertThat(cache.get("alice", () -> {
            cache.changed();
            return load("before the change");
        })).isEqualTo("before the change");

        assertThat(cache.<String>get("alice", () -> load("after the change"))).isEqualTo("after the change");
    }

    @Test
    void servesNothingOnceItsWatchHasNotConfirmedInTime() {
        ProvisionedCache cache = cache(Duration.ofHours(1), 10);
        cache.confirmedUntil(now.get() + 3_000);
        cache.get("alice", () -> load("v1"));
        now.addAndGet(2_999);
        assertThat(cache.<String>get("alice", () -> load("v2"))).isEqualTo("v1");

        now.addAndGet(1); // the watch's polls failed: another process may have provisioned meanwhile
        assertThat(cache.<String>get("alice", () -> load("v3"))).isEqualTo("v3");
        assertThat(cache.<String>get("alice", () -> load("v4"))).isEqualTo("v4");

        cache.confirmedUntil(now.get() + 3_000); // a poll got through and saw no change: what was cached stands
        assertThat(cache.<String>get("alice", () -> load("v5"))).isEqualTo("v1");

        cache.changed(); // the next poll saw another process's provisioning
        cache.confirmedUntil(now.get() + 3_000);
        assertThat(cache.<String>get("alice", () -> load("v6"))).isEqualTo("v6");
        assertThat(loads).as("reads made while unconfirmed were not kept").hasValue(4);
    }

    @Test
    void expiresAfterItsTimeToLive() {
        ProvisionedCache cache = cache(Duration.ofSeconds(5), 10);
        cache.get("alice", () -> load("v1"));

        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(cache.<String>get("alice", () -> load("v2"))).isEqualTo("v1");
        now.addAndGet(1);
        assertThat(cache.<String>get("alice", () -> load("v2"))).isEqualTo("v2");
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        ProvisionedCache cache = cache(Duration.ZERO, 10);

        cache.get("alice", () -> load("v1"));
        cache.get("alice", () -> load("v1"));

        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void staysWithinItsBoundDroppingStaleEntriesFirst() {
        ProvisionedCache cache = cache(Duration.ofSeconds(5), 100);
        for (int i = 0; i < 60; i++) {
            cache.get("old" + i, () -> load("stale"));
        }
        cache.changed();
        for (int i = 0; i < 40; i++) {
            cache.get("new" + i, () -> load("fresh"));
        }
        cache.get("one more", () -> load("fresh"));

        assertThat(cache.size()).isEqualTo(41);
        assertThat(cache.<String>get("new0", () -> load("reloaded"))).isEqualTo("fresh");

        for (int i = 0; i < 500; i++) {
            cache.get("many" + i, () -> load("fresh"));
            assertThat(cache.size()).isLessThanOrEqualTo(100);
        }
    }

    @Test
    void aFailedLoadCachesNothing() {
        ProvisionedCache cache = cache(Duration.ofSeconds(5), 10);

        assertThatThrownBy(() -> cache.get("alice", () -> {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "database down");
        })).isInstanceOf(StoreException.class);

        assertThat(cache.<String>get("alice", () -> load("v1"))).isEqualTo("v1");
    }

    @Test
    void refusesANegativeTimeToLive() {
        assertThatThrownBy(() -> cache(Duration.ofSeconds(-1), 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ttl");
    }
}
