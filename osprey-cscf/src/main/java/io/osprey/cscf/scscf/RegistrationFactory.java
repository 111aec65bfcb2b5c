package io.osprey.cscf.scscf;

import io.osprey.cscf.cx.ServerAssignmentAnswer;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.sip.Identities;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.xml.ImsSubscriptionXmlParser;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a {@link Registration} (without contacts) from a SAA: the implicit registration set is every public
 * identity of the user data the HSS sent (TS 29.228 §6.1.2: the SAA carries the identities of the set), the
 * registered one first; barred identities belong to the set but are not offered in P-Associated-URI
 * (TS 24.229 §5.4.1.2.2).
 */
final class RegistrationFactory {

    private static final ImsSubscriptionXmlParser PARSER = new ImsSubscriptionXmlParser();

    private RegistrationFactory() {
    }

    static Registration fromAssignment(String impi, String impu, ServerAssignmentAnswer saa, Registration existing) {
        if (saa.userDataXml() == null) {
            if (existing == null) {
                throw new IllegalStateException("SAA without User-Data for a new registration");
            }
            return existing;
        }
        return fromUserData(impi, impu, saa.userDataXml(), saa.chargingCcf());
    }

    /**
     * A registration (without contacts) from user data XML, as an SAA or a PPR (TS 29.228 §6.1.4) carries it.
     */
    static Registration fromUserData(String impi, String impu, String userDataXml, String ccf) {
        ImsSubscription subscription = PARSER.parse(userDataXml);
        List<String> implicitSet = new ArrayList<>();
        List<String> associated = new ArrayList<>();
        implicitSet.add(impu);
        boolean registeredBarred = false;
        String registeredSpelling = null;
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            for (PublicIdentity identity : profile.publicIdentities()) {
                String uri = identity.identity().uri();
                String canonical = Identities.publicIdentity(uri);
                if (canonical.equals(impu)) {
                    registeredBarred = identity.barred();
                    registeredSpelling = uri;
                    continue;
                }
                if (!implicitSet.contains(canonical)) {
                    implicitSet.add(canonical);
                    if (!identity.barred()) {
                        associated.add(uri);
                    }
                }
            }
        }
        if (!registeredBarred) {
            associated.add(0, registeredSpelling != null ? registeredSpelling : impu);
        } else {
            associated.clear(); // a barred identity cannot register (TS 23.228 §4.3.3.3)
        }
        return new Registration(impi, impu, implicitSet, associated, List.of(), subscription, ccf);
    }
}
