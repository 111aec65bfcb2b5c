package io.osprey.cscf.regevent;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.sip.Identities;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.util.List;
import java.util.function.Supplier;

/**
 * Who may watch a registration (TS 24.229 §5.4.2.1.1, RFC 3680 §6): the S-CSCF authorises a reg-event SUBSCRIBE by
 * its P-Asserted-Identity, which the trust domain vouches for. It may come from the user (an identity of the
 * registered implicit set), from a P-CSCF on the Path of one of the user's contacts, or from an application server
 * the user's initial filter criteria name. Anyone else, and a SUBSCRIBE with no asserted identity, is refused, so
 * that one user cannot follow another's registrations.
 */
final class RegEventWatchers {

    private RegEventWatchers() {
    }

    /** Whether the asserted sender of {@code subscribe} may watch {@code registration}. */
    static boolean mayWatch(SipRequest subscribe, Registration registration) {
        List<NameAddress> asserted = subscribe.nameAddresses(SipHeaderName.P_ASSERTED_IDENTITY);
        if (asserted.isEmpty()) {
            return false;
        }
        Uri subscriber = asserted.get(0).uri();
        String identity = Identities.publicIdentity(subscriber);
        if (identity != null && registration.implicitSet().contains(identity)) {
            return true;
        }
        String host = host(subscriber);
        return host != null && (onAPath(host, registration) || namedByAFilter(host, registration));
    }

    private static boolean onAPath(String host, Registration registration) {
        for (Binding binding : registration.bindings()) {
            for (String hop : binding.path()) {
                if (host.equalsIgnoreCase(hostOf(() -> NameAddress.parse(hop).uri()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean namedByAFilter(String host, Registration registration) {
        if (registration.subscription() == null) {
            return false;
        }
        for (ServiceProfile profile : registration.subscription().serviceProfiles()) {
            for (InitialFilterCriteria filter : profile.filterCriteria()) {
                if (host.equalsIgnoreCase(hostOf(() -> UriParser.parse(filter.applicationServer().serverName())))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String host(Uri uri) {
        return uri instanceof SipUri sip ? sip.host() : null;
    }

    /** The host of a stored URI; null when it does not parse, which then authorises no one. */
    private static String hostOf(Supplier<Uri> stored) {
        try {
            return host(stored.get());
        } catch (RuntimeException unparsable) {
            return null;
        }
    }
}
