package io.osprey.cscf.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.registrar.Binding;
import io.osprey.cscf.registrar.Registration;
import io.osprey.sip.regevent.Contact;
import io.osprey.sip.regevent.ContactEvent;
import io.osprey.sip.regevent.ContactState;
import io.osprey.sip.regevent.RegInfo;
import io.osprey.sip.regevent.RegInfoXmlParser;
import io.osprey.sip.regevent.RegInfoXmlWriter;
import io.osprey.sip.regevent.RegistrationState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reginfo the S-CSCF sends (RFC 3680 §5.4, TS 24.229 §5.4.2.1.2) for each kind of change. */
class RegInfoBuilderTest {

    private static final long NOW = 1_000_000;
    private static final Binding PHONE = new Binding("sip:alice@192.0.2.1:5060", List.of("<sip:term@p;lr>"),
            NOW + 600_000, 1.0f, "urn:uuid:1", null, "c1", 2);
    private static final Binding LAPTOP = new Binding("sip:alice@192.0.2.2:5060", List.of(), NOW + 300_000, 0.5f,
            null, null, "c2", 5);
    private static final Registration BOTH = registration(List.of(PHONE, LAPTOP));

    @Test
    void newRegistrationListsEveryIdentityOfTheSetWithItsActiveContacts() {
        RegInfo info = RegInfoBuilder.fullState(0, null, BOTH, null, NOW);

        assertThat(info.state()).isEqualTo(RegInfo.State.FULL);
        assertThat(info.registrations()).extracting(r -> r.aor())
                .containsExactly("sip:alice@ims.test", "tel:+15551230001");
        assertThat(info.registrations().get(0).state()).isEqualTo(RegistrationState.ACTIVE);
        assertThat(info.registrations().get(0).contacts()).extracting(Contact::uri, Contact::event, Contact::expires)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PHONE.contactUri(), ContactEvent.REGISTERED, 600),
                        org.assertj.core.groups.Tuple.tuple(LAPTOP.contactUri(), ContactEvent.REGISTERED, 300));
        assertThat(RegInfoXmlParser.parse(RegInfoXmlWriter.write(info))).isEqualTo(info);
    }

    @Test
    void removedContactAppearsOnceMoreAsTerminatedWithTheCause() {
        Registration phoneOnly = registration(List.of(PHONE));

        RegInfo info = RegInfoBuilder.fullState(3, BOTH, phoneOnly, ContactEvent.UNREGISTERED, NOW);

        assertThat(info.version()).isEqualTo(3);
        assertThat(info.registrations().get(0).contacts()).extracting(Contact::uri, Contact::state, Contact::event)
                .contains(org.assertj.core.groups.Tuple.tuple(LAPTOP.contactUri(), ContactState.TERMINATED,
                        ContactEvent.UNREGISTERED));
    }

    @Test
    void endedRegistrationIsTerminatedWithEveryContact() {
        RegInfo info = RegInfoBuilder.fullState(7, BOTH, null, ContactEvent.DEACTIVATED, NOW);

        assertThat(info.registrations()).allSatisfy(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.TERMINATED);
            assertThat(r.contacts()).allSatisfy(c -> assertThat(c.event()).isEqualTo(ContactEvent.DEACTIVATED));
        });
    }

    private static Registration registration(List<Binding> bindings) {
        return new Registration("alice@ims.test", "sip:alice@ims.test",
                List.of("sip:alice@ims.test", "tel:+15551230001"),
                List.of("sip:alice@ims.test", "tel:+15551230001"), bindings, null, null);
    }
}
