package io.osprey.cscf.scscf;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Challenges awaiting the UE's answer, by private identity and nonce. A challenge is used once (a fresh
 * authentication needs a fresh vector, TS 33.203 §6.1.1) and forgotten after its lifetime (the UE's retry window,
 * TS 24.229 §5.4.1.2.1 suggests the registration timer's order of magnitude). Bounded: past {@code capacity}
 * the oldest challenges are dropped first.
 */
final class PendingChallenges {

    private final Map<String, PendingChallenge> byKey = new ConcurrentHashMap<>();
    private final long lifetimeMillis;
    private final int capacity;

    PendingChallenges(long lifetimeMillis, int capacity) {
        this.lifetimeMillis = lifetimeMillis;
        this.capacity = capacity;
    }

    void add(PendingChallenge challenge) {
        if (byKey.size() >= capacity) {
            expire(challenge.issuedAtMillis());
        }
        if (byKey.size() < capacity) {
            byKey.put(key(challenge.impi(), challenge.nonce()), challenge);
        }
    }

    /** The challenge for {@code impi} with {@code nonce}, still valid at {@code nowMillis}; it stays pending. */
    PendingChallenge find(String impi, String nonce, long nowMillis) {
        PendingChallenge challenge = byKey.get(key(impi, nonce));
        if (challenge == null || nowMillis - challenge.issuedAtMillis() > lifetimeMillis) {
            return null;
        }
        return challenge;
    }

    /** Removes and returns the challenge; null when absent, so two answers to one challenge cannot both pass. */
    PendingChallenge take(String impi, String nonce) {
        return byKey.remove(key(impi, nonce));
    }

    void expire(long nowMillis) {
        Iterator<PendingChallenge> it = byKey.values().iterator();
        while (it.hasNext()) {
            if (nowMillis - it.next().issuedAtMillis() > lifetimeMillis) {
                it.remove();
            }
        }
    }

    int size() {
        return byKey.size();
    }

    private static String key(String impi, String nonce) {
        return impi + '\n' + nonce;
    }
}
