package io.osprey.hss.sh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShSubscriptionsTest {

    private static final String IMPU = "sip:alice@ims.test";
    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    private final ShSubscriptions subscriptions = new ShSubscriptions();

    @Test
    void matchesByDataReferenceAndServiceIndication() {
        subscriptions.subscribe(sub("as1", 0, "cdiv", Optional.empty()));
        subscriptions.subscribe(sub("as2", 0, "other", Optional.empty()));
        subscriptions.subscribe(sub("as3", 11, null, Optional.empty()));

        assertThat(subscriptions.subscribers(IMPU, 0, "cdiv", NOW)).extracting(ShSubscription::asHost)
                .containsExactly("as1");
        assertThat(subscriptions.subscribers(IMPU, 11, null, NOW)).extracting(ShSubscription::asHost)
                .containsExactly("as3");
        assertThat(subscriptions.subscribers("sip:bob@ims.test", 0, "cdiv", NOW)).isEmpty();
    }

    @Test
    void resubscribingReplacesAndUnsubscribingRemoves() {
        subscriptions.subscribe(sub("as1", 0, "cdiv", Optional.empty()));
        subscriptions.subscribe(sub("as1", 0, "cdiv", Optional.of(NOW.plusSeconds(60))));
        assertThat(subscriptions.size()).isEqualTo(1);
        assertThat(subscriptions.subscribers(IMPU, 0, "cdiv", NOW).getFirst().expiry()).contains(NOW.plusSeconds(60));

        assertThat(subscriptions.unsubscribe("as1", IMPU, 0, "cdiv")).isTrue();
        assertThat(subscriptions.unsubscribe("as1", IMPU, 0, "cdiv")).isFalse();
        assertThat(subscriptions.size()).isZero();
    }

    @Test
    void expiredSubscriptionsAreDroppedWhenMet() {
        subscriptions.subscribe(sub("as1", 11, null, Optional.of(NOW)));
        subscriptions.subscribe(sub("as2", 11, null, Optional.of(NOW.plusMillis(1))));

        assertThat(subscriptions.subscribers(IMPU, 11, null, NOW)).extracting(ShSubscription::asHost)
                .containsExactly("as2");
        assertThat(subscriptions.size()).isEqualTo(1);
    }

    private static ShSubscription sub(String host, int reference, String serviceIndication, Optional<Instant> expiry) {
        return new ShSubscription(host, "ims.test", IMPU, reference, Optional.ofNullable(serviceIndication), expiry);
    }
}
