package io.osprey.hss.sh;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One AS subscription to notifications (TS 29.328 §6.1.3, SNR): which AS (its Origin-Host and Origin-Realm,
 * where PNRs go), which public identity, which Data-Reference (with its Service-Indication for
 * RepositoryData), and until when.
 */
public record ShSubscription(String asHost, String asRealm, String impu, int dataReference,
                             Optional<String> serviceIndication, Optional<Instant> expiry) {

    public ShSubscription {
        Objects.requireNonNull(asHost, "asHost");
        Objects.requireNonNull(asRealm, "asRealm");
        Objects.requireNonNull(impu, "impu");
        Objects.requireNonNull(serviceIndication, "serviceIndication");
        Objects.requireNonNull(expiry, "expiry");
    }

    public boolean isExpiredAt(Instant now) {
        return expiry.isPresent() && !expiry.get().isAfter(now);
    }

    /** Two subscriptions with the same key replace each other. */
    Key key() {
        return new Key(asHost, impu, dataReference, serviceIndication.orElse(""));
    }

    record Key(String asHost, String impu, int dataReference, String serviceIndication) {
    }
}
