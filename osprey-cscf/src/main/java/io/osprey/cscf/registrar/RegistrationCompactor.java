package io.osprey.cscf.registrar;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a {@link Registration} cheaper to keep by sharing equal immutable parts, without changing its value
 * ({@code equals} holds between what goes in and what comes out):
 * <ul>
 *   <li>across registrations: iFCs (most users of an operator share a handful of service profiles, TS 29.228
 *       §6.6), Path sets (one per P-CSCF), charging addresses and {@code reg-id}s, through a bounded table of
 *       shared values;</li>
 *   <li>within one: each public identity's text once, whether the implicit set, the P-Associated-URIs or the user
 *       data's PublicIdentity holds it, and the private identity once.</li>
 * </ul>
 * A registration held 2.2 KB per contact before (issue 5); the table of shared values is emptied when it reaches
 * its bound, so values nobody shares cannot make it grow. Runs when a registration is stored, never per request.
 */
final class RegistrationCompactor {

    /** Distinct shared values kept: far more than an operator's distinct iFCs and Paths. */
    static final int DEFAULT_CAPACITY = 16_384;

    private final int capacity;
    private final Map<Object, Object> shared = new ConcurrentHashMap<>();

    RegistrationCompactor() {
        this(DEFAULT_CAPACITY);
    }

    RegistrationCompactor(int capacity) {
        this.capacity = capacity;
    }

    Registration compact(Registration registration) {
        if (registration == null) {
            return null;
        }
        List<String> implicitSet = registration.implicitSet();
        List<String> associated = new ArrayList<>(registration.associatedUris().size());
        for (String uri : registration.associatedUris()) {
            associated.add(sameText(uri, implicitSet, List.of()));
        }
        String registered = sameText(registration.registeredImpu(), implicitSet, List.of());
        List<Binding> bindings = new ArrayList<>(registration.bindings().size());
        for (Binding binding : registration.bindings()) {
            bindings.add(compact(binding));
        }
        return new Registration(registration.impi(), registered, implicitSet, associated, bindings,
                compact(registration.subscription(), registration.impi(), implicitSet, associated),
                share(registration.ccf()));
    }

    private Binding compact(Binding binding) {
        List<String> path = binding.path().isEmpty() ? List.of() : share(sharedStrings(binding.path()));
        return new Binding(binding.contactUri(), path, binding.expiresAt(), binding.q(), binding.instance(),
                share(binding.regId()), binding.callId(), binding.cseq());
    }

    private ImsSubscription compact(ImsSubscription subscription, String impi, List<String> implicitSet,
                                    List<String> associated) {
        if (subscription == null) {
            return null;
        }
        List<ServiceProfile> profiles = new ArrayList<>(subscription.serviceProfiles().size());
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            List<PublicIdentity> identities = new ArrayList<>(profile.publicIdentities().size());
            for (PublicIdentity identity : profile.publicIdentities()) {
                String uri = identity.identity().uri();
                String text = sameText(uri, associated, implicitSet);
                identities.add(text == uri ? identity : new PublicIdentity(new Impu(text), identity.barred(),
                        identity.identityType(), identity.wildcardedPsi(), identity.displayName(),
                        identity.aliasGroupId()));
            }
            List<InitialFilterCriteria> criteria = new ArrayList<>(profile.filterCriteria().size());
            for (InitialFilterCriteria ifc : profile.filterCriteria()) {
                criteria.add(share(ifc));
            }
            profiles.add(new ServiceProfile(identities, profile.subscribedMediaProfileId(), criteria,
                    profile.sharedIfcSetIds()));
        }
        Impi privateId = subscription.privateId().value().equals(impi) ? new Impi(impi) : subscription.privateId();
        return new ImsSubscription(privateId, profiles);
    }

    /** The instance in {@code first} or {@code second} equal to {@code text}, else {@code text} itself. */
    private static String sameText(String text, List<String> first, List<String> second) {
        if (text == null) {
            return null;
        }
        for (String candidate : first) {
            if (candidate.equals(text)) {
                return candidate;
            }
        }
        for (String candidate : second) {
            if (candidate.equals(text)) {
                return candidate;
            }
        }
        return text;
    }

    private List<String> sharedStrings(List<String> values) {
        List<String> result = new ArrayList<>(values.size());
        for (String value : values) {
            result.add(share(value));
        }
        return List.copyOf(result);
    }

    /** The shared instance equal to {@code value}, which becomes it when there is none yet. */
    @SuppressWarnings("unchecked")
    <T> T share(T value) {
        if (value == null) {
            return null;
        }
        Object known = shared.get(value);
        if (known != null) {
            return (T) known;
        }
        if (shared.size() >= capacity) {
            shared.clear();
        }
        Object raced = shared.putIfAbsent(value, value);
        return raced != null ? (T) raced : value;
    }

    /** Shared values held now. */
    int size() {
        return shared.size();
    }
}
