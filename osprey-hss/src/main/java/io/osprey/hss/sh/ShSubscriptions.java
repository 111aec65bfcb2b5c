package io.osprey.hss.sh;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The notification subscriptions the HSS holds for ASs (TS 29.328 §6.1.3), in memory and indexed by public
 * identity: they are lost on restart, after which ASs subscribe again. Bounded to {@value #MAX_SUBSCRIPTIONS};
 * expired subscriptions are dropped when met. Thread-safe.
 */
public final class ShSubscriptions {

    public static final int MAX_SUBSCRIPTIONS = 100_000;

    private final Map<String, Map<ShSubscription.Key, ShSubscription>> byImpu = new ConcurrentHashMap<>();
    private final AtomicInteger size = new AtomicInteger();

    /** Adds or refreshes a subscription; false when the table is full. */
    public boolean subscribe(ShSubscription subscription) {
        if (size.incrementAndGet() > MAX_SUBSCRIPTIONS) {
            size.decrementAndGet();
            Map<ShSubscription.Key, ShSubscription> current = byImpu.get(subscription.impu());
            if (current == null || !current.containsKey(subscription.key())) {
                return false;
            }
            current.put(subscription.key(), subscription);
            return true;
        }
        if (byImpu.computeIfAbsent(subscription.impu(), k -> new ConcurrentHashMap<>())
                .put(subscription.key(), subscription) != null) {
            size.decrementAndGet();
        }
        return true;
    }

    /** Removes a subscription; false if there was none. */
    public boolean unsubscribe(String asHost, String impu, int dataReference, String serviceIndication) {
        Map<ShSubscription.Key, ShSubscription> forImpu = byImpu.get(impu);
        if (forImpu == null || forImpu.remove(new ShSubscription.Key(asHost, impu, dataReference,
                serviceIndication == null ? "" : serviceIndication)) == null) {
            return false;
        }
        size.decrementAndGet();
        return true;
    }

    /** The live subscriptions to {@code dataReference} of {@code impu} (any Service-Indication when null). */
    public List<ShSubscription> subscribers(String impu, int dataReference, String serviceIndication, Instant now) {
        Map<ShSubscription.Key, ShSubscription> forImpu = byImpu.get(impu);
        if (forImpu == null) {
            return List.of();
        }
        List<ShSubscription> out = new ArrayList<>();
        for (ShSubscription s : forImpu.values()) {
            if (s.isExpiredAt(now)) {
                if (forImpu.remove(s.key(), s)) {
                    size.decrementAndGet();
                }
            } else if (s.dataReference() == dataReference
                    && (serviceIndication == null || s.serviceIndication().orElse("").equals(serviceIndication))) {
                out.add(s);
            }
        }
        return out;
    }

    public int size() {
        return size.get();
    }
}
