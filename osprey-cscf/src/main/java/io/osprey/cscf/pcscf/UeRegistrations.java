package io.osprey.cscf.pcscf;

import io.osprey.sip.transport.Source;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The P-CSCF's registration cache, by the UE's transport address, by its contact URIs, and by each contact's
 * {@code user@host:port} alias. A request from an address without a live registration is refused (TS 24.229
 * §5.2.6.3.1).
 *
 * <p>The alias is what NAT traversal needs (RFC 5626 §5.3 in spirit, TS 24.229 Annex F): a UE behind a NAT names
 * a private {@code host:port} in its contacts (say 10.0.0.1:5060) that differs from the address its REGISTER came
 * from; a request for that contact, or for any URI with the same user, host and port (a dialog's remote target),
 * goes to the address the UE registered from and never to the private one.
 */
final class UeRegistrations {

    private final Map<String, UeRegistration> bySource = new ConcurrentHashMap<>();
    private final Map<String, UeRegistration> byContact = new ConcurrentHashMap<>();
    private final Map<String, UeRegistration> byAlias = new ConcurrentHashMap<>();

    void put(UeRegistration registration) {
        UeRegistration previous = bySource.put(key(registration.source()), registration);
        if (previous != null) {
            unindex(previous);
        }
        for (String contact : registration.contacts()) {
            byContact.put(contact, registration);
            String alias = alias(contact);
            if (alias != null) {
                byAlias.put(alias, registration);
            }
        }
    }

    void remove(Source source) {
        UeRegistration previous = bySource.remove(key(source));
        if (previous != null) {
            unindex(previous);
        }
    }

    UeRegistration fromSource(Source source, long now) {
        return live(bySource.get(key(source)), now);
    }

    UeRegistration forContact(String contactUri, long now) {
        return live(byContact.get(contactUri), now);
    }

    /** The registration a request for {@code target} is delivered by: its exact contact, else its alias. */
    UeRegistration forTarget(Uri target, long now) {
        UeRegistration exact = forContact(target.toString(), now);
        if (exact != null) {
            return exact;
        }
        String alias = target instanceof SipUri sip ? alias(sip) : null;
        return alias == null ? null : live(byAlias.get(alias), now);
    }

    void expire(long now) {
        Iterator<UeRegistration> it = bySource.values().iterator();
        while (it.hasNext()) {
            UeRegistration registration = it.next();
            if (registration.expiresAtMillis() <= now) {
                it.remove();
                unindex(registration);
            }
        }
    }

    int size() {
        return bySource.size();
    }

    /** A view of every registration held, live or not yet swept. */
    Collection<UeRegistration> all() {
        return Collections.unmodifiableCollection(bySource.values());
    }

    private void unindex(UeRegistration registration) {
        for (String contact : registration.contacts()) {
            byContact.remove(contact, registration);
            String alias = alias(contact);
            if (alias != null) {
                byAlias.remove(alias, registration);
            }
        }
    }

    private static UeRegistration live(UeRegistration registration, long now) {
        return registration != null && registration.expiresAtMillis() > now ? registration : null;
    }

    private static String key(Source source) {
        return source.transport() + " " + source.remote();
    }

    private static String alias(String contactUri) {
        try {
            return UriParser.parse(contactUri) instanceof SipUri sip ? alias(sip) : null;
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    /** {@code user@host:port} with the host case-folded and the port defaulted; parameters do not matter. */
    static String alias(SipUri uri) {
        String user = uri.rawUser() == null ? "" : uri.rawUser();
        boolean tls = uri.isSecure() || "tls".equalsIgnoreCase(uri.transportParam());
        int port = uri.port() > 0 ? uri.port() : tls ? 5061 : 5060;
        return user + "@" + uri.host().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
