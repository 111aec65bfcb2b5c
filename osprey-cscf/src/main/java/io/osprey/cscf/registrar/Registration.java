package io.osprey.cscf.registrar;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.cscf.sip.Identities;
import java.util.ArrayList;
import java.util.List;

/**
 * The registration state an S-CSCF keeps for one implicit registration set (TS 23.228 §4.3.3.3, TS 24.229
 * §5.4.1.2.2): the private identity that registered it, every public identity of the set, the identities the UE may
 * use (P-Associated-URI, unbarred ones), the contacts, and the service profile from the HSS with its iFCs.
 *
 * @param impi             the authenticated private identity
 * @param registeredImpu   the identity named in the REGISTER's To, canonical
 * @param implicitSet      canonical public identities of the set, the registered one first
 * @param associatedUris   the set's unbarred identities as the HSS spells them, the registered one first
 * @param bindings         contacts, in registration order
 * @param subscription     the user data of the last SAA (service profiles with their iFCs), or null
 * @param ccf              Primary-Charging-Collection-Function-Name from the SAA, or null
 */
public record Registration(String impi, String registeredImpu, List<String> implicitSet, List<String> associatedUris,
                           List<Binding> bindings, ImsSubscription subscription, String ccf) {

    public Registration {
        implicitSet = List.copyOf(implicitSet);
        associatedUris = List.copyOf(associatedUris);
        bindings = List.copyOf(bindings);
    }

    /** This registration with {@code binding} added, or replacing the binding for the same device. */
    public Registration withBinding(Binding binding) {
        List<Binding> next = new ArrayList<>(bindings.size() + 1);
        boolean replaced = false;
        for (Binding existing : bindings) {
            if (!replaced && existing.sameContact(binding.contactUri(), binding.instance())) {
                next.add(binding);
                replaced = true;
            } else {
                next.add(existing);
            }
        }
        if (!replaced) {
            next.add(binding);
        }
        return withBindings(next);
    }

    public Registration withBindings(List<Binding> next) {
        return new Registration(impi, registeredImpu, implicitSet, associatedUris, next, subscription, ccf);
    }

    /** The service profile that holds {@code canonicalImpu}, or null (TS 29.228 §6.6: one per identity). */
    public ServiceProfile profileOf(String canonicalImpu) {
        if (subscription == null) {
            return null;
        }
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            for (PublicIdentity identity : profile.publicIdentities()) {
                if (canonicalImpu.equals(Identities.publicIdentity(identity.identity().uri()))) {
                    return profile;
                }
            }
        }
        return null;
    }

    /** Bindings still valid at {@code nowMillis}. */
    public List<Binding> liveBindings(long nowMillis) {
        List<Binding> live = new ArrayList<>(bindings.size());
        for (Binding binding : bindings) {
            if (binding.expiresAt() > nowMillis) {
                live.add(binding);
            }
        }
        return live;
    }
}
