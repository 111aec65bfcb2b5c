package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.PROFILE;
import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.originatingInvite;
import static io.osprey.hss.store.StoreFixtures.sip;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static io.osprey.hss.store.StoreFixtures.template;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.ServiceProfileRecord;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Service profiles, iFC templates and the user profile document; run on every backend. */
abstract class AbstractProfileStoreTest extends AbstractStoreTest {

    private static final InitialFilterCriteria OWN = originatingInvite(5, "sip:own@as.example.org");

    @Test
    void savesAndReadsProfilesWithTheirOwnIfcsAndTemplates() {
        store.profiles().saveIfcTemplate(template("mmtel-orig", 10));
        store.profiles().saveIfcTemplate(template("mmtel-term", 20));
        ServiceProfileRecord gold = new ServiceProfileRecord("gold", Optional.of(3), List.of(OWN),
                List.of("mmtel-term", "mmtel-orig"), List.of(1, 7));

        store.profiles().saveServiceProfile(gold);

        assertThat(store.profiles().serviceProfile("gold")).contains(gold);
        assertThat(store.profiles().serviceProfiles()).extracting(ServiceProfileRecord::name)
                .containsExactly(PROFILE, "gold");
        assertThat(store.profiles().ifcTemplates()).extracting(IfcTemplate::name)
                .containsExactly("mmtel-orig", "mmtel-term");
        ServiceProfileRecord replaced = ServiceProfileRecord.empty("gold");
        store.profiles().saveServiceProfile(replaced);
        assertThat(store.profiles().serviceProfile("gold")).contains(replaced);
    }

    @Test
    void refusesMissingTemplatesAndPriorityClashes() {
        store.profiles().saveIfcTemplate(template("mmtel-orig", 5));
        assertThatThrownBy(() -> store.profiles().saveServiceProfile(
                ServiceProfileRecord.ofTemplates("gold", List.of("no-such-template"))))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.getMessage()).contains("no-such-template"));
        ServiceProfileRecord clash = new ServiceProfileRecord("gold", Optional.empty(), List.of(OWN),
                List.of("mmtel-orig"), List.of());
        assertThatThrownBy(() -> store.profiles().saveServiceProfile(clash))
                .isInstanceOfSatisfying(StoreException.class, e -> {
                    assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT);
                    assertThat(e.getMessage()).contains("priority 5");
                });
        assertThat(store.profiles().serviceProfile("gold")).isEmpty();

        store.profiles().saveIfcTemplate(template("mmtel-orig", 6));
        store.profiles().saveServiceProfile(clash);
        assertThatThrownBy(() -> store.profiles().saveIfcTemplate(template("mmtel-orig", 5)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT));
        assertThat(store.profiles().ifcTemplate("mmtel-orig").orElseThrow().filterCriteria().priority()).isEqualTo(6);
    }

    @Test
    void refusesToDeleteProfilesAndTemplatesInUse() {
        store.profiles().saveIfcTemplate(template("mmtel-orig", 10));
        store.profiles().saveServiceProfile(ServiceProfileRecord.ofTemplates("gold", List.of("mmtel-orig")));
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));

        assertThatThrownBy(() -> store.profiles().deleteIfcTemplate("mmtel-orig"))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.getMessage()).contains("gold"));
        assertThatThrownBy(() -> store.profiles().deleteServiceProfile(PROFILE))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT));
        assertThat(store.profiles().deleteServiceProfile("gold")).isTrue();
        assertThat(store.profiles().deleteIfcTemplate("mmtel-orig")).isTrue();
        assertThat(store.profiles().deleteIfcTemplate("mmtel-orig")).isFalse();
    }

    @Test
    void buildsTheUserProfileOfTheImplicitSetGroupedByServiceProfile() {
        store.profiles().saveIfcTemplate(template("mmtel-orig", 10));
        store.profiles().saveServiceProfile(new ServiceProfileRecord("gold", Optional.of(2), List.of(OWN),
                List.of("mmtel-orig"), List.of(4)));
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        PublicIdentityRecord video = new PublicIdentityRecord(sip("alice.video"), "alice", "gold",
                IdentityType.PUBLIC_USER_IDENTITY, true, 0, Optional.of("grp"), Optional.of("Alice"),
                Set.of(impi("alice")));
        store.identities().createPublicIdentity(video);
        // Another implicit set of the same subscription stays out of the document.
        store.identities().createPublicIdentity(new PublicIdentityRecord(sip("alice.other"), "alice", "gold",
                IdentityType.PUBLIC_USER_IDENTITY, false, 9, Optional.empty(), Optional.empty(), Set.of()));

        ImsSubscription document = store.subscriptions().userProfile(impi("alice"), new Impu("tel:+15550001"))
                .orElseThrow();

        ImsSubscription expected = new ImsSubscription(impi("alice"), List.of(
                new ServiceProfile(List.of(PublicIdentity.of(new Impu("tel:+15550001")), PublicIdentity.of(sip("alice"))),
                        Optional.empty(), List.of(), List.of()),
                new ServiceProfile(List.of(new PublicIdentity(sip("alice.video"), true,
                        IdentityType.PUBLIC_USER_IDENTITY, Optional.empty(), Optional.of("Alice"), Optional.of("grp"))),
                        Optional.of(2), List.of(OWN, template("mmtel-orig", 10).filterCriteria()), List.of(4))));
        assertThat(document).isEqualTo(expected);
        assertThat(store.subscriptions().userProfile(impi("alice"), sip("nobody"))).isEmpty();
    }

    @Test
    void reportsAWildcardMatchAsTheRequestedIdentity() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        Impu wildcard = new Impu("sip:room-!\\d+!@conf.example.org");
        store.identities().createPublicIdentity(new PublicIdentityRecord(wildcard, "alice", PROFILE,
                IdentityType.WILDCARDED_PSI, false, 4, Optional.empty(), Optional.empty(), Set.of()));

        ImsSubscription document = store.subscriptions()
                .userProfile(impi("alice"), new Impu("sip:room-12@conf.example.org")).orElseThrow();

        assertThat(document.publicIdentities()).containsExactly(new PublicIdentity(
                new Impu("sip:room-12@conf.example.org"), false, IdentityType.WILDCARDED_PSI,
                Optional.of(wildcard.uri()), Optional.empty(), Optional.empty()));
        assertThat(store.subscriptions().userProfile(impi("alice"), new Impu("sip:room-x@conf.example.org")))
                .isEmpty();
    }
}
