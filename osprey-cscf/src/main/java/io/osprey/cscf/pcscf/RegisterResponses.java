package io.osprey.cscf.pcscf;

import io.osprey.sip.auth.AuthHeaderParser;
import io.osprey.sip.auth.AuthHeaderValue;
import io.osprey.sip.auth.AuthParam;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transport.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What the P-CSCF does with the responses to a REGISTER it forwarded (TS 24.229 §5.2.2.1). */
final class RegisterResponses {

    private RegisterResponses() {
    }

    /**
     * The 401 without the {@code ck} and {@code ik} parameters, which are for the P-CSCF's IPsec alone. Every other
     * part of the challenge reaches the UE as the registrar wrote it: a WWW-Authenticate value without those
     * parameters (a digest challenge, another scheme, a token68, one that does not parse) is kept byte for byte, and
     * the response itself is returned untouched when no value has them.
     */
    static SipResponse withoutKeys(SipResponse challenge) {
        List<String> values = challenge.headers("WWW-Authenticate");
        List<String> rewritten = new ArrayList<>(values.size());
        boolean changed = false;
        for (String value : values) {
            String stripped = withoutKeys(value);
            changed |= stripped != value;
            rewritten.add(stripped);
        }
        if (!changed) {
            return challenge;
        }
        SipResponse.Builder out = challenge.toBuilder().remove("WWW-Authenticate");
        for (String value : rewritten) {
            out.add("WWW-Authenticate", value);
        }
        return out.build();
    }

    /** {@code value} without {@code ck} and {@code ik}; the same instance when it has neither or does not parse. */
    private static String withoutKeys(String value) {
        AuthHeaderValue header;
        try {
            header = AuthHeaderParser.parseValue(value);
        } catch (RuntimeException malformed) {
            return value;
        }
        if (header.param("ck") == null && header.param("ik") == null) {
            return value;
        }
        List<AuthParam> kept = new ArrayList<>(header.params().size());
        for (AuthParam param : header.params()) {
            if (!param.is("ck") && !param.is("ik")) {
                kept.add(param);
            }
        }
        return AuthHeaderValue.of(header.scheme(), kept).toString();
    }

    /**
     * The registration a 200 confirms: the contacts the UE asked for that the registrar still lists with an
     * expiry, the P-Associated-URI and the Service-Route; null when none of the UE's contacts is left.
     *
     * @param secAgreeKey the private identity of the UE's security agreement, or null without one
     */
    static UeRegistration registration(SipResponse ok, List<NameAddress> requested, Source ue, long now,
                                       String secAgreeKey) {
        Set<String> asked = new HashSet<>();
        for (NameAddress contact : requested) {
            asked.add(contact.uri().toString());
        }
        Set<String> contacts = new HashSet<>();
        long longest = 0;
        for (NameAddress contact : ok.contacts()) {
            String uri = contact.uri().toString();
            long expires = expires(contact, ok.expires());
            if (asked.contains(uri) && expires > 0) {
                contacts.add(uri);
                longest = Math.max(longest, expires);
            }
        }
        List<String> associated = new ArrayList<>();
        for (NameAddress uri : ok.nameAddresses(SipHeaderName.P_ASSOCIATED_URI)) {
            associated.add(uri.uri().toString());
        }
        if (contacts.isEmpty() || associated.isEmpty()) {
            return null;
        }
        List<String> serviceRoute = new ArrayList<>();
        for (NameAddress hop : ok.nameAddresses(SipHeaderName.SERVICE_ROUTE)) {
            serviceRoute.add(hop.toString());
        }
        return new UeRegistration(associated, serviceRoute, contacts, ue, now + longest * 1000, secAgreeKey);
    }

    private static long expires(NameAddress contact, long headerExpires) {
        String param = contact.param("expires");
        if (param == null) {
            return headerExpires;
        }
        try {
            return Long.parseLong(param.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
