package io.osprey.cscf.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registration table stores registrations compacted: what it returns and finds equals what was stored, while
 * equal iFCs and Paths are one instance across registrations and each identity's text one instance within one.
 */
class RegistrationTableTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final String PATH = "<sip:term@pcscf.ims.test:5060;lr>";

    @TempDir
    Path dir;

    private final RegistrationTable table = new RegistrationTable();

    @Test
    void storedRegistrationsKeepTheirValueAndShareEqualPartsAcrossUsers() {
        Registration alice = registration("alice", "+15551230001");
        Registration bob = registration("bob", "+15551230002");

        Registration storedAlice = table.update("sip:alice@ims.test", before -> alice);
        Registration storedBob = table.update("sip:bob@ims.test", before -> bob);

        assertThat(storedAlice).isEqualTo(alice);
        assertThat(storedBob).isEqualTo(bob);
        assertThat(table.find("tel:+15551230001")).containsSame(storedAlice);
        assertThat(ifcOf(storedBob)).isSameAs(ifcOf(storedAlice)).isNotSameAs(ifcOf(bob));
        assertThat(storedBob.bindings().get(0).path()).isSameAs(storedAlice.bindings().get(0).path());
        assertThat(storedAlice.ccf()).isSameAs(storedBob.ccf());
    }

    @Test
    void eachIdentityTextIsKeptOnceWithinARegistration() {
        Registration stored = table.update("sip:alice@ims.test", before -> registration("alice", "+15551230001"));

        String registered = stored.implicitSet().get(0);
        assertThat(stored.registeredImpu()).isSameAs(registered);
        assertThat(stored.associatedUris().get(0)).isSameAs(registered);
        assertThat(stored.associatedUris().get(1)).isSameAs(stored.implicitSet().get(1));
        List<PublicIdentity> identities = stored.subscription().serviceProfiles().get(0).publicIdentities();
        assertThat(identities.get(0).identity().uri()).isSameAs(registered);
        assertThat(identities.get(1).identity().uri()).isSameAs(stored.implicitSet().get(1));
        assertThat(stored.subscription().privateId().value()).isSameAs(stored.impi());
    }

    @Test
    void restoredRegistrationsAreCompactedAndStillRoundTripThroughTheStateFile() throws Exception {
        Registration alice = registration("alice", "+15551230001");
        Registration bob = registration("bob", "+15551230002");
        Path file = dir.resolve("registrations.txt");
        RegistrationSnapshot.save(List.of(alice, bob), file);

        table.restore(RegistrationSnapshot.load(file, NOW));

        Registration restoredAlice = table.find("sip:alice@ims.test").orElseThrow();
        Registration restoredBob = table.find("tel:+15551230002").orElseThrow();
        assertThat(restoredAlice).isEqualTo(alice);
        assertThat(restoredBob).isEqualTo(bob);
        assertThat(ifcOf(restoredBob)).isSameAs(ifcOf(restoredAlice));
        RegistrationSnapshot.save(table.all(), file);
        assertThat(RegistrationSnapshot.load(file, NOW)).containsExactlyInAnyOrder(alice, bob);
    }

    @Test
    void aBoundedSharedTableStartsAfreshInsteadOfGrowing() {
        RegistrationCompactor compactor = new RegistrationCompactor(2);

        String first = compactor.share(new String("a"));
        compactor.share("b");
        assertThat(compactor.share(new String("a"))).isSameAs(first);
        compactor.share("c");

        assertThat(compactor.size()).isLessThanOrEqualTo(2);
        assertThat(compactor.share(new String("a"))).isEqualTo("a");
    }

    /** A registration whose parts are all fresh instances, as parsing a REGISTER and an SAA yields them. */
    private static Registration registration(String user, String number) {
        String sip = "sip:" + user + "@ims.test";
        String tel = "tel:" + number;
        ApplicationServer mmtel = ApplicationServer.of(new String("sip:mmtel@as.ims.test"),
                DefaultHandling.SESSION_CONTINUED);
        InitialFilterCriteria ifc = InitialFilterCriteria.of(10, TriggerPoint.cnf(
                ServicePointTrigger.of(0, new SptCondition.Method(new String("INVITE"))),
                ServicePointTrigger.of(1, new SptCondition.InSessionCase(SessionCase.ORIGINATING))), mmtel);
        ImsSubscription data = new ImsSubscription(new Impi(user + "@ims.test"), List.of(new ServiceProfile(
                List.of(PublicIdentity.of(new Impu(new String(sip))), PublicIdentity.of(new Impu(new String(tel)))),
                Optional.empty(), List.of(ifc), List.of())));
        Binding binding = new Binding("sip:" + user + "@192.0.2.1:5060", List.of(new String(PATH)), NOW + 600_000,
                1.0f, "<urn:uuid:" + user + ">", new String("1"), "call-" + user, 2);
        return new Registration(user + "@ims.test", new String(sip), List.of(sip, tel),
                List.of(new String(sip), new String(tel)), List.of(binding), data, new String("aaa://ccf.ims.test"));
    }

    private static InitialFilterCriteria ifcOf(Registration registration) {
        return registration.subscription().serviceProfiles().get(0).filterCriteria().get(0);
    }
}
