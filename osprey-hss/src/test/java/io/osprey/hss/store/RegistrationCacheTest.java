package io.osprey.hss.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.RegistrationState;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class RegistrationCacheTest {

    private static final PublicIdentityRows.SetKey ALICE = new PublicIdentityRows.SetKey("alice", 1);
    private static final PublicIdentityRows.SetKey BOB = new PublicIdentityRows.SetKey("bob", 1);

    private final AtomicInteger reads = new AtomicInteger();

    private static List<ImpuRegistration> registered(String user, String scscf) {
        return List.of(new ImpuRegistration(new Impu("sip:" + user + "@ims.test"), RegistrationState.REGISTERED,
                Optional.of(scscf)));
    }

    private List<ImpuRegistration> read(RegistrationCache cache, PublicIdentityRows.SetKey set, String scscf) {
        return cache.get(set, () -> {
            reads.incrementAndGet();
            return registered(set.subscriptionId(), scscf);
        });
    }

    @Test
    void aSetIsReadOnceUntilItIsWritten() {
        RegistrationCache cache = RegistrationCache.of(10);

        assertThat(read(cache, ALICE, "sip:s1.ims.test")).isEqualTo(registered("alice", "sip:s1.ims.test"));
        assertThat(read(cache, ALICE, "sip:s2.ims.test")).as("served from memory")
                .isEqualTo(registered("alice", "sip:s1.ims.test"));
        assertThat(reads).hasValue(1);

        cache.drop(ALICE);
        assertThat(read(cache, ALICE, "sip:s2.ims.test")).isEqualTo(registered("alice", "sip:s2.ims.test"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void aValueReadWhileItsSetWasWrittenIsNotKept() {
        RegistrationCache cache = RegistrationCache.of(10);

        // the write commits and drops the set between this reader's database read and its store
        List<ImpuRegistration> stale = cache.get(ALICE, () -> {
            List<ImpuRegistration> before = registered("alice", "sip:old.ims.test");
            cache.drop(ALICE);
            return before;
        });

        assertThat(stale).isEqualTo(registered("alice", "sip:old.ims.test"));
        assertThat(cache.size()).isZero();
        assertThat(read(cache, ALICE, "sip:new.ims.test")).isEqualTo(registered("alice", "sip:new.ims.test"));
    }

    @Test
    void aProvisioningWriteDropsEverySetAndAValueReadMeanwhile() {
        RegistrationCache cache = RegistrationCache.of(10);
        read(cache, ALICE, "sip:s1.ims.test");

        cache.get(BOB, () -> {
            cache.dropAll();
            return registered("bob", "sip:old.ims.test");
        });

        assertThat(cache.size()).isZero();
        assertThat(read(cache, ALICE, "sip:s2.ims.test")).isEqualTo(registered("alice", "sip:s2.ims.test"));
    }

    @Test
    void aFullCacheMakesRoomByDroppingSomeSetsNotAll() {
        RegistrationCache cache = RegistrationCache.of(2);
        read(cache, ALICE, "sip:s1.ims.test");
        read(cache, BOB, "sip:s1.ims.test");

        read(cache, new PublicIdentityRows.SetKey("carol", 1), "sip:s1.ims.test");

        assertThat(cache.size()).as("one of the two went (Eviction), carol came").isEqualTo(2);
    }

    @Test
    void aDisabledCacheReadsEveryTime() {
        RegistrationCache cache = RegistrationCache.disabled();

        read(cache, ALICE, "sip:s1.ims.test");
        assertThat(read(cache, ALICE, "sip:s2.ims.test")).isEqualTo(registered("alice", "sip:s2.ims.test"));

        assertThat(reads).hasValue(2);
        assertThat(cache.enabled()).isFalse();
    }

    @Test
    void refusesANonPositiveBound() {
        assertThatThrownBy(() -> RegistrationCache.of(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxEntries");
    }
}
