package io.osprey.diameter.message;

import io.osprey.diameter.dictionary.AvpDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lookups over an ordered AVP list, shared by messages and Grouped AVPs. */
final class AvpLookup {

    private AvpLookup() {
    }

    static Optional<Avp> first(List<Avp> avps, int code, long vendorId) {
        for (int i = 0; i < avps.size(); i++) { // no iterator: called for every AVP read of every message
            Avp avp = avps.get(i);
            if (avp.code() == code && avp.vendorId() == vendorId) {
                return Optional.of(avp);
            }
        }
        return Optional.empty();
    }

    static List<Avp> all(List<Avp> avps, int code, long vendorId) {
        List<Avp> found = null;
        for (Avp avp : avps) {
            if (avp.code() == code && avp.vendorId() == vendorId) {
                if (found == null) {
                    found = new ArrayList<>(2);
                }
                found.add(avp);
            }
        }
        return found == null ? List.of() : List.copyOf(found);
    }

    /** Follows {@code path} through Grouped AVPs: the first match at each level. */
    static Optional<Avp> path(List<Avp> avps, AvpDefinition... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("AVP path must not be empty");
        }
        List<Avp> level = avps;
        Avp current = null;
        for (int i = 0; i < path.length; i++) {
            Optional<Avp> next = first(level, path[i].code(), path[i].vendorId());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
            if (i < path.length - 1) {
                if (!current.isGrouped()) {
                    return Optional.empty();
                }
                level = current.asGrouped();
            }
        }
        return Optional.of(current);
    }
}
