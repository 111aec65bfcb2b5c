package io.osprey.cscf.scscf;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.sip.Identities;
import io.osprey.sip.auth.DigestCredentials;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A REGISTER as the registrar reads it (RFC 3261 §10.3, TS 24.229 §5.4.1.2): the public and private identity, the
 * Authorization credentials for the home realm, the contacts with their granted expiry, and the Path.
 */
record RegisterRequest(SipRequest register, String impu, String impi, DigestCredentials credentials,
                       List<NameAddress> contacts, List<Long> grantedSeconds, boolean wildcard, boolean tooBrief,
                       List<String> path) {

    static RegisterRequest of(SipRequest register, String impu, ScscfSettings settings) {
        DigestCredentials credentials = credentialsFor(register, settings.homeDomain());
        String impi = credentials != null && credentials.username() != null && !credentials.username().isEmpty()
                ? credentials.username() : Identities.derivedPrivateIdentity(register.to().uri());
        if (impi == null) {
            throw new IllegalArgumentException("no private identity: Authorization username is missing");
        }
        long headerExpires = register.expires();
        boolean wildcard = register.isContactWildcard();
        if (wildcard && headerExpires != 0) {
            throw new IllegalArgumentException("Contact * requires Expires: 0 (RFC 3261 §10.2.2)");
        }
        List<NameAddress> contacts = register.contacts();
        List<Long> granted = new ArrayList<>(contacts.size());
        boolean tooBrief = false;
        for (NameAddress contact : contacts) {
            long asked = requested(contact, headerExpires, settings);
            if (asked > 0 && asked < settings.minExpires().toSeconds()) {
                tooBrief = true;
            }
            granted.add(Math.min(asked, settings.maxExpires().toSeconds()));
        }
        List<String> path = new ArrayList<>();
        for (NameAddress hop : register.nameAddresses(SipHeaderName.PATH)) {
            path.add(hop.toString());
        }
        return new RegisterRequest(register, impu, impi, credentials, contacts, granted, wildcard, tooBrief, path);
    }

    private static long requested(NameAddress contact, long headerExpires, ScscfSettings settings) {
        String param = contact.param("expires");
        if (param != null) {
            try {
                return Math.max(0, Long.parseLong(param.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Contact expires parameter is not a number: " + param);
            }
        }
        return headerExpires >= 0 ? headerExpires : settings.defaultExpires().toSeconds();
    }

    /** The Digest Authorization for the home realm, else the first Digest one (TS 24.229 §5.4.1.2.1). */
    private static DigestCredentials credentialsFor(SipRequest register, String realm) {
        DigestCredentials first = null;
        for (String value : register.headers("Authorization")) {
            DigestCredentials credentials;
            try {
                credentials = DigestCredentials.parse(value);
            } catch (RuntimeException malformed) {
                throw new IllegalArgumentException("Authorization is malformed: " + malformed.getMessage());
            }
            if (realm.equalsIgnoreCase(credentials.realm())) {
                return credentials;
            }
            if (first == null) {
                first = credentials;
            }
        }
        return first;
    }

    /** The SIP-Authentication-Scheme to ask the HSS for (TS 29.229 §6.3.9), from the UE's algorithm if any. */
    String requestedScheme() {
        String algorithm = credentials == null ? null : credentials.algorithmToken();
        if (algorithm == null) {
            return "Unknown";
        }
        if (algorithm.equalsIgnoreCase("AKAv1-MD5")) {
            return "Digest-AKAv1-MD5";
        }
        if (algorithm.equalsIgnoreCase("AKAv2-MD5")) {
            return "Digest-AKAv2-MD5";
        }
        if (algorithm.equalsIgnoreCase("MD5") || algorithm.equalsIgnoreCase("SHA-256")) {
            return "SIP Digest";
        }
        return "Unknown";
    }

    /** Whether this REGISTER leaves {@code existing} without contacts (Contact * or Expires 0 for all left). */
    boolean removesEverything(Registration existing, long now) {
        if (wildcard) {
            return true;
        }
        if (contacts.isEmpty()) {
            return false; // a query (RFC 3261 §10.2.4)
        }
        if (grantedSeconds.stream().anyMatch(seconds -> seconds > 0)) {
            return false;
        }
        if (existing == null) {
            return true;
        }
        for (Binding binding : existing.liveBindings(now)) {
            if (!removes(binding)) {
                return false;
            }
        }
        return true;
    }

    private boolean removes(Binding binding) {
        for (NameAddress contact : contacts) {
            if (binding.sameContact(contact.uri().toString(), instanceOf(contact))) {
                return true;
            }
        }
        return false;
    }

    /** Applies the contacts of this REGISTER to {@code registration} (RFC 3261 §10.3 step 7). */
    Registration applyTo(Registration registration, long now) {
        List<Binding> bindings = new ArrayList<>(registration.liveBindings(now));
        for (int i = 0; i < contacts.size(); i++) {
            NameAddress contact = contacts.get(i);
            String uri = contact.uri().toString();
            String instance = instanceOf(contact);
            long seconds = grantedSeconds.get(i);
            bindings.removeIf(existing -> existing.sameContact(uri, instance));
            if (seconds > 0) {
                bindings.add(new Binding(uri, path, now + seconds * 1000, q(contact), instance,
                        contact.param("reg-id"), register.callId().value(), register.cseq().number()));
            }
        }
        return registration.withBindings(bindings);
    }

    private static String instanceOf(NameAddress contact) {
        String instance = contact.param("+sip.instance");
        return instance == null ? null : instance.replace("\"", "");
    }

    private static float q(NameAddress contact) {
        String q = contact.param("q");
        if (q == null) {
            return 1.0f;
        }
        try {
            return Float.parseFloat(q);
        } catch (NumberFormatException e) {
            return 1.0f;
        }
    }
}
