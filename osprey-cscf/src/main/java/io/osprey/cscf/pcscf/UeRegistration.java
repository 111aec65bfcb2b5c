package io.osprey.cscf.pcscf;

import io.osprey.sip.transport.Source;
import java.util.List;
import java.util.Set;

/**
 * What the P-CSCF learnt from a UE's successful registration (TS 24.229 §5.2.2.1 and §5.2.6.3): the identities
 * the UE may assert (P-Associated-URI, default first), the Service-Route its originating requests follow, the
 * contacts it registered, and the address it registered from: requests to it go there, which also traverses NAT
 * (RFC 3581; TS 24.229 Annex F), whatever host and port its contacts name.
 *
 * @param secAgreeKey the private identity its security agreement is held under, or null without one
 */
record UeRegistration(List<String> associatedUris, List<String> serviceRoute, Set<String> contacts, Source source,
                      long expiresAtMillis, String secAgreeKey) {

    UeRegistration {
        associatedUris = List.copyOf(associatedUris);
        serviceRoute = List.copyOf(serviceRoute);
        contacts = Set.copyOf(contacts);
    }
}
