package io.osprey.cscf.registrar;

import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The S-CSCF's registrations, found by any public identity of their implicit set. Entries are immutable
 * {@link Registration} values replaced whole, so readers on any lane see a consistent set; writers for one set
 * are serialised through {@link #update}. A stored registration is compacted first ({@link RegistrationCompactor}:
 * equal iFCs, Paths and identity texts shared), which changes no value, only the heap it takes.
 */
public final class RegistrationTable {

    private final Map<String, Registration> byIdentity = new ConcurrentHashMap<>();
    private final RegistrationCompactor compactor = new RegistrationCompactor();

    public Optional<Registration> find(String canonicalImpu) {
        return Optional.ofNullable(byIdentity.get(canonicalImpu));
    }

    /**
     * Applies {@code change} to the registration of {@code canonicalImpu} (null when there is none) and stores
     * the result under every identity of its implicit set; a null result, or one without bindings, removes it.
     * Returns the registration after the change, or null when it was removed.
     */
    public synchronized Registration update(String canonicalImpu, UnaryOperator<Registration> change) {
        Registration before = byIdentity.get(canonicalImpu);
        Registration changed = change.apply(before);
        if (before != null) {
            for (String identity : before.implicitSet()) {
                byIdentity.remove(identity, before);
            }
        }
        if (changed == null || changed.bindings().isEmpty()) {
            return null;
        }
        Registration after = changed == before ? before : compactor.compact(changed);
        for (String identity : after.implicitSet()) {
            byIdentity.put(identity, after);
        }
        return after;
    }

    /** Puts back registrations read from a snapshot, under every identity of their sets. */
    public synchronized void restore(Collection<Registration> registrations) {
        for (Registration registration : registrations) {
            Registration compact = compactor.compact(registration);
            for (String identity : compact.implicitSet()) {
                byIdentity.put(identity, compact);
            }
        }
    }

    /** Each registration once. */
    public Collection<Registration> all() {
        Map<Registration, Boolean> distinct = new IdentityHashMap<>();
        for (Registration registration : byIdentity.values()) {
            distinct.put(registration, Boolean.TRUE);
        }
        return new ArrayList<>(distinct.keySet());
    }

    /** Number of contacts bound, over all registrations. */
    public int contactCount() {
        int count = 0;
        for (Registration registration : all()) {
            count += registration.bindings().size();
        }
        return count;
    }

    public List<String> identities() {
        return List.copyOf(byIdentity.keySet());
    }
}
