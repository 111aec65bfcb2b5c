package io.osprey.hss.store;

import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.WildcardPsi;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/**
 * Finds the stored public identity for a URI: the exact (normalised) row, else the first wildcarded PSI, in
 * URI order, whose pattern matches (TS 29.228 §6.1.4 and §6.6.4). Compiled wildcards are cached.
 */
final class WildcardLookup {

    private static final int MAX_CACHED = 4096;

    private final ConcurrentHashMap<Impu, WildcardPsi> compiled = new ConcurrentHashMap<>();

    Optional<PublicIdentityRecord> find(Handle handle, Impu impu) {
        Optional<PublicIdentityRecord> exact = PublicIdentityRows.find(handle, impu);
        if (exact.isPresent()) {
            return exact;
        }
        for (Impu wildcard : PublicIdentityRows.wildcards(handle)) {
            if (compile(wildcard).matches(impu)) {
                return PublicIdentityRows.find(handle, wildcard);
            }
        }
        return Optional.empty();
    }

    private WildcardPsi compile(Impu wildcard) {
        if (compiled.size() > MAX_CACHED) {
            compiled.clear();
        }
        return compiled.computeIfAbsent(wildcard, WildcardPsi::parse);
    }
}
