package io.osprey.cscf.pcscf;

import io.osprey.sip.transport.Source;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The P-CSCF's registration cache, by the UE's transport address and by its contact URIs. A request from an address
 * without a live registration is refused (TS 24.229 §5.2.6.3.1).
 */
final class UeRegistrations {

    private final Map<String, UeRegistration> bySource = new ConcurrentHashMap<>();
    private final Map<String, UeRegistration> byContact = new ConcurrentHashMap<>();

    void put(UeRegistration registration) {
        UeRegistration previous = bySource.put(key(registration.source()), registration);
        if (previous != null) {
            previous.contacts().forEach(contact -> byContact.remove(contact, previous));
        }
        registration.contacts().forEach(contact -> byContact.put(contact, registration));
    }

    void remove(Source source) {
        UeRegistration previous = bySource.remove(key(source));
        if (previous != null) {
            previous.contacts().forEach(contact -> byContact.remove(contact, previous));
        }
    }

    UeRegistration fromSource(Source source, long now) {
        UeRegistration registration = bySource.get(key(source));
        return registration != null && registration.expiresAtMillis() > now ? registration : null;
    }

    UeRegistration forContact(String contactUri, long now) {
        UeRegistration registration = byContact.get(contactUri);
        return registration != null && registration.expiresAtMillis() > now ? registration : null;
    }

    void expire(long now) {
        Iterator<UeRegistration> it = bySource.values().iterator();
        while (it.hasNext()) {
            UeRegistration registration = it.next();
            if (registration.expiresAtMillis() <= now) {
                it.remove();
                registration.contacts().forEach(contact -> byContact.remove(contact, registration));
            }
        }
    }

    int size() {
        return bySource.size();
    }

    private static String key(Source source) {
        return source.transport() + " " + source.remote();
    }
}
