package io.osprey.diameter.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.message.EndToEndId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DuplicateRequestCacheTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void sameOriginHostAndEndToEndIdWithinTheWindowIsADuplicate() {
        DuplicateRequestCache cache = new DuplicateRequestCache(10, Duration.ofSeconds(60), now::get);
        CompletableFuture<byte[]> first = new CompletableFuture<>();

        assertThat(cache.putIfAbsent("icscf.ims.test", new EndToEndId(7), first)).isNull();
        assertThat(cache.putIfAbsent("ICSCF.ims.test", new EndToEndId(7), new CompletableFuture<>())).isSameAs(first);
        assertThat(cache.putIfAbsent("icscf.ims.test", new EndToEndId(8), new CompletableFuture<>())).isNull();
        assertThat(cache.putIfAbsent("scscf.ims.test", new EndToEndId(7), new CompletableFuture<>())).isNull();
    }

    @Test
    void entriesLeaveAfterTheWindow() {
        DuplicateRequestCache cache = new DuplicateRequestCache(10, Duration.ofSeconds(60), now::get);
        cache.putIfAbsent("icscf.ims.test", new EndToEndId(7), new CompletableFuture<>());

        now.set(Duration.ofSeconds(61).toNanos());

        assertThat(cache.putIfAbsent("icscf.ims.test", new EndToEndId(7), new CompletableFuture<>())).isNull();
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void oldestEntriesLeaveWhenFull() {
        DuplicateRequestCache cache = new DuplicateRequestCache(3, Duration.ofSeconds(60), now::get);
        for (int id = 0; id < 5; id++) {
            cache.putIfAbsent("icscf.ims.test", new EndToEndId(id), new CompletableFuture<>());
        }
        assertThat(cache.size()).isEqualTo(3);
        assertThat(cache.putIfAbsent("icscf.ims.test", new EndToEndId(4), new CompletableFuture<>())).isNotNull();
        assertThat(cache.putIfAbsent("icscf.ims.test", new EndToEndId(0), new CompletableFuture<>())).isNull();
    }
}
