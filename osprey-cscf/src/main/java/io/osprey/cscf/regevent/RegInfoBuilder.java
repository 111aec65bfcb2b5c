package io.osprey.cscf.regevent;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.sip.regevent.Contact;
import io.osprey.sip.regevent.ContactEvent;
import io.osprey.sip.regevent.ContactState;
import io.osprey.sip.regevent.RegInfo;
import io.osprey.sip.regevent.RegistrationState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reginfo document (RFC 3680 §5.4) the S-CSCF sends about an implicit registration set (TS 24.229 §5.4.2.1.2):
 * one {@code <registration>} per public identity of the set, each listing the contacts; contacts that went away
 * since the previous state appear once more as terminated, with the event that removed them.
 */
public final class RegInfoBuilder {

    private RegInfoBuilder() {
    }

    /**
     * Full state after a change from {@code before} to {@code after} (either may be null).
     *
     * @param identities the identities to describe: the set of {@code after}, else of {@code before}
     */
    public static RegInfo fullState(long version, Registration before, Registration after, ContactEvent removal,
                                    long nowMillis) {
        Registration current = after != null ? after : before;
        List<io.osprey.sip.regevent.Registration> registrations = new ArrayList<>();
        if (current == null) {
            return new RegInfo(version, RegInfo.State.FULL, registrations);
        }
        List<Contact> contacts = contacts(before, after, removal, nowMillis);
        boolean active = after != null && !after.liveBindings(nowMillis).isEmpty();
        for (String aor : current.implicitSet()) {
            registrations.add(new io.osprey.sip.regevent.Registration(aor, id("r", aor),
                    active ? RegistrationState.ACTIVE : RegistrationState.TERMINATED, contacts));
        }
        return new RegInfo(version, RegInfo.State.FULL, registrations);
    }

    private static List<Contact> contacts(Registration before, Registration after, ContactEvent removal, long now) {
        Map<String, Binding> previous = new LinkedHashMap<>();
        if (before != null) {
            for (Binding binding : before.liveBindings(now)) {
                previous.put(binding.contactUri(), binding);
            }
        }
        if (removal == ContactEvent.EXPIRED && before != null) {
            for (Binding binding : before.bindings()) {
                previous.putIfAbsent(binding.contactUri(), binding); // the ones that just expired
            }
        }
        List<Contact> contacts = new ArrayList<>();
        if (after != null) {
            for (Binding binding : after.liveBindings(now)) {
                Binding old = previous.remove(binding.contactUri());
                ContactEvent event = old == null ? ContactEvent.REGISTERED
                        : old.expiresAt() == binding.expiresAt() ? ContactEvent.REGISTERED : ContactEvent.REFRESHED;
                contacts.add(contact(binding, ContactState.ACTIVE, event, (int) binding.secondsLeft(now)));
            }
        }
        for (Binding gone : previous.values()) {
            contacts.add(contact(gone, ContactState.TERMINATED, removal, 0));
        }
        return contacts;
    }

    private static Contact contact(Binding binding, ContactState state, ContactEvent event, int expires) {
        Map<String, String> params = binding.instance() == null ? Map.of()
                : Map.of(Contact.SIP_INSTANCE, "\"" + binding.instance() + "\"");
        return new Contact(id("c", binding.contactUri()), state, event, binding.contactUri(), expires, null,
                binding.q() == 1.0f ? null : Float.toString(binding.q()), binding.callId(), binding.cseq(), null,
                params);
    }

    private static String id(String prefix, String value) {
        return prefix + Integer.toHexString(value.hashCode());
    }
}
