package io.osprey.hss.store;

import io.osprey.hss.model.RepositoryData;
import java.util.List;
import java.util.Optional;

/**
 * Sh repository (transparent) data of public identities (TS 29.328 §7.6), keyed by public identity and
 * Service-Indication. {@link #update} checks the sequence number and writes in one atomic step, so two ASs
 * racing on the same data cannot both win. Public identities are used exactly as given (the Sh server passes
 * the stored form it resolved).
 */
public interface RepositoryDataStore {

    Optional<RepositoryData> find(String impu, String serviceIndication);

    /** Every item of {@code impu}, by Service-Indication. */
    List<RepositoryData> findAll(String impu);

    /**
     * Creates (sequence number 0, nothing stored yet), replaces (stored number + 1, wrapping 65535 → 1) or,
     * when {@code data} has no ServiceData, deletes the data. Any other sequence number is refused.
     */
    UpdateOutcome update(String impu, RepositoryData data);

    /** The result of {@link #update}. */
    enum UpdateOutcome {
        CREATED,
        UPDATED,
        DELETED,
        /** The sequence number does not follow the stored one (DIAMETER_ERROR_TRANSPARENT_DATA_OUT_OF_SYNC). */
        OUT_OF_SYNC
    }
}
