package io.osprey.cscf.pcscf;

import io.osprey.sip.secagree.SecurityAgreement;
import io.osprey.sip.secagree.SecurityMechanism;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The security agreements the P-CSCF holds with UEs (RFC 3329 §2.3.1, TS 33.203 §7.2), by the UE's private identity:
 * the Security-Client the UE sent with its last challenged REGISTER, the Security-Server the P-CSCF answered it with
 * ({@code offered}), and the one a successful registration confirmed ({@code current}). A UE's Security-Verify must
 * repeat one of the two: {@code current} while it registers again over the old agreement, {@code offered} once it
 * answers the new challenge. Bounded: past {@link #MAX_AGREEMENTS} new offers are refused.
 */
final class SecurityAgreements {

    /** Hard limit on agreements held at once. */
    static final int MAX_AGREEMENTS = 500_000;
    /** How long an offer waits for the UE to answer the challenge it came with. */
    static final long OFFER_LIFETIME_MILLIS = 300_000;

    /** One UE's agreement; immutable, replaced whole. */
    record Agreement(List<SecurityMechanism> client, List<SecurityMechanism> offered,
                     List<SecurityMechanism> current, long expiresAtMillis) {

        Agreement {
            client = List.copyOf(client);
            offered = offered == null ? null : List.copyOf(offered);
            current = current == null ? null : List.copyOf(current);
        }

        /** The Security-Server list {@code verify} repeats ({@code current} first), or null when it repeats neither. */
        List<SecurityMechanism> matching(List<SecurityMechanism> verify) {
            if (current != null && SecurityAgreement.verify(current, verify)) {
                return current;
            }
            if (offered != null && SecurityAgreement.verify(offered, verify)) {
                return offered;
            }
            return null;
        }
    }

    private final Map<String, Agreement> byKey = new ConcurrentHashMap<>();

    Agreement get(String key, long now) {
        Agreement agreement = byKey.get(key);
        return agreement != null && agreement.expiresAtMillis() > now ? agreement : null;
    }

    /** Whether a new offer for {@code key} fits under {@link #MAX_AGREEMENTS}. */
    boolean hasRoomFor(String key) {
        return byKey.size() < MAX_AGREEMENTS || byKey.containsKey(key);
    }

    /** Records that {@code offered} went to the UE in a 401 answering a REGISTER with {@code client}. */
    void offer(String key, List<SecurityMechanism> client, List<SecurityMechanism> offered, long now) {
        byKey.compute(key, (k, old) -> {
            boolean live = old != null && old.expiresAtMillis() > now;
            List<SecurityMechanism> current = live ? old.current() : null;
            long expires = Math.max(now + OFFER_LIFETIME_MILLIS, live && current != null ? old.expiresAtMillis() : 0);
            return new Agreement(client, offered, current, expires);
        });
    }

    /** A registration confirmed {@code verified}; it stays the current agreement until {@code expiresAtMillis}. */
    void establish(String key, List<SecurityMechanism> verified, long expiresAtMillis) {
        byKey.compute(key, (k, old) -> new Agreement(old == null ? List.of() : old.client(),
                old == null ? null : old.offered(), verified, expiresAtMillis));
    }

    void remove(String key) {
        byKey.remove(key);
    }

    void expire(long now) {
        Iterator<Agreement> it = byKey.values().iterator();
        while (it.hasNext()) {
            if (it.next().expiresAtMillis() <= now) {
                it.remove();
            }
        }
    }

    int size() {
        return byKey.size();
    }
}
