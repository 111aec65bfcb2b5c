package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.PROFILE;
import static io.osprey.hss.store.StoreFixtures.akaCredentials;
import static io.osprey.hss.store.StoreFixtures.digestCredentials;
import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.sip;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.model.ScscfCapabilities;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.model.SubscriptionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Subscriptions, identities, links, lookups and registration state; run on every backend. */
abstract class AbstractSubscriberStoreTest extends AbstractStoreTest {

    private static final Impi ALICE = impi("alice");

    @Test
    void storesAWholeSubscriptionAndReadsItBackWithoutSecrets() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));

        assertThat(store.subscriptions().subscription("alice")).contains(SubscriptionRecord.of("alice"));
        PrivateIdentityRecord impi = store.identities().privateIdentity(ALICE).orElseThrow();
        assertThat(impi).isEqualTo(new PrivateIdentityRecord(ALICE, "alice",
                Set.of(AuthScheme.AKA_V1_MD5, AuthScheme.AKA_V2_MD5), true, false, 0));
        assertThat(store.identities().publicIdentities("alice")).extracting(PublicIdentityRecord::impu)
                .containsExactly(sip("alice"), new Impu("tel:+15550001"));
        assertThat(store.identities().publicIdentity(sip("alice")).orElseThrow().privateIdentities())
                .containsExactly(ALICE);
        AkaKeys keys = store.authenticationCentre().credentials(ALICE).orElseThrow().aka().orElseThrow();
        assertThat(Hex.encode(keys.k())).isEqualTo(StoreFixtures.K);
        assertThat(Hex.encode(keys.operatorKey())).isEqualTo(StoreFixtures.OPC);
        assertThat(keys.operatorKeyKind()).isEqualTo(AkaKeys.OperatorKeyKind.OPC);
        assertThat(Hex.encode(keys.amf())).isEqualTo("8000");
    }

    @Test
    void keepsDigestPasswordsAndHa1() {
        store.subscriptions().createSubscription(SubscriptionRecord.of("bob"));
        store.identities().createPrivateIdentity("bob", digestCredentials(impi("bob"), "s3cr3t&ünï"));
        Impi carol = impi("carol");
        String ha1 = "939e7578ed9e3c518a452acee763bce9";
        store.identities().createPrivateIdentity("bob", new ImpiCredentials(carol, Set.of(AuthScheme.DIGEST_MD5),
                Optional.empty(), Optional.of(new DigestSecret.Ha1("example.org", ha1)), 0));

        assertThat(store.authenticationCentre().credentials(impi("bob")).orElseThrow().digest())
                .contains(new DigestSecret.Password("s3cr3t&ünï"));
        assertThat(store.authenticationCentre().credentials(carol).orElseThrow().digest())
                .contains(new DigestSecret.Ha1("example.org", ha1));
        assertThat(store.identities().privateIdentity(carol).orElseThrow().hasDigestSecret()).isTrue();
        assertThat(store.identities().privateIdentity(carol).orElseThrow().hasAkaKeys()).isFalse();
    }

    @Test
    void refusesDuplicatesAndRollsBackTheWholeBatch() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));

        assertThatThrownBy(() -> store.subscriptions().createSubscription(SubscriptionRecord.of("alice")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.DUPLICATE));
        // bob is fine, but carol reuses alice's tel URI: neither may be stored.
        assertThatThrownBy(() -> store.subscriptions().createSubscriptions(List.of(
                subscriber("bob", "+15550002"), subscriber("carol", "+15550001"))))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.DUPLICATE));
        assertThat(store.subscriptions().subscription("bob")).isEmpty();
        assertThat(store.identities().privateIdentity(impi("bob"))).isEmpty();
    }

    @Test
    void refusesLinksOutsideTheSubscription() {
        NewSubscription bad = new NewSubscription(SubscriptionRecord.of("bob"), List.of(akaCredentials(impi("bob"), 0)),
                List.of(PublicIdentityRecord.of(sip("bob"), "bob", PROFILE, Set.of(ALICE))));
        assertThatThrownBy(() -> store.subscriptions().createSubscriptions(List.of(bad)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT));

        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001"),
                subscriber("bob", "+15550002")));
        PublicIdentityRecord crossLinked = PublicIdentityRecord.of(sip("bob2"), "bob", PROFILE, Set.of(ALICE));
        assertThatThrownBy(() -> store.identities().createPublicIdentity(crossLinked))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT));
        PublicIdentityRecord unknownImpi = PublicIdentityRecord.of(sip("bob2"), "bob", PROFILE, Set.of(impi("nobody")));
        assertThatThrownBy(() -> store.identities().createPublicIdentity(unknownImpi))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        PublicIdentityRecord unknownProfile = PublicIdentityRecord.of(sip("bob2"), "bob", "gold", Set.of(impi("bob")));
        assertThatThrownBy(() -> store.identities().createPublicIdentity(unknownProfile))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.getMessage()).contains("service profile gold"));
        assertThatThrownBy(() -> store.identities().createPrivateIdentity("nobody", akaCredentials(impi("x"), 0)))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void updatesAndDeletesSubscriptions() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        ScscfCapabilities capabilities = new ScscfCapabilities(Set.of(3, 1), Set.of(7),
                List.of("sip:scscf1.example.org:6060", "sip:scscf2.example.org:6060"));
        store.subscriptions().updateSubscription(new SubscriptionRecord("alice", capabilities));

        assertThat(store.subscriptions().subscription("alice").orElseThrow().capabilities()).isEqualTo(capabilities);
        assertThatThrownBy(() -> store.subscriptions().updateSubscription(SubscriptionRecord.of("nobody")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThat(store.subscriptions().deleteSubscription("alice")).isTrue();
        assertThat(store.subscriptions().deleteSubscription("alice")).isFalse();
        assertThat(store.identities().privateIdentity(ALICE)).isEmpty();
        assertThat(store.identities().publicIdentity(sip("alice"))).isEmpty();
    }

    @Test
    void pagesThroughSubscriptionsAndIdentitiesInKeyOrder() {
        List<NewSubscription> all = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            all.add(subscriber(String.format("user%02d", i), String.format("+1555%04d", i)));
        }
        store.subscriptions().createSubscriptions(all);

        Page<SubscriptionRecord> first = store.subscriptions().subscriptions(PageRequest.first(10));
        Page<SubscriptionRecord> last = store.subscriptions().subscriptions(new PageRequest(20, 10));
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.items()).extracting(SubscriptionRecord::id).startsWith("user00", "user01").hasSize(10);
        assertThat(first.hasNext()).isTrue();
        assertThat(last.items()).extracting(SubscriptionRecord::id).containsExactly(
                "user20", "user21", "user22", "user23", "user24");
        assertThat(last.hasNext()).isFalse();
        assertThat(store.identities().privateIdentities(new PageRequest(24, 10)).items())
                .extracting(PrivateIdentityRecord::impi).containsExactly(impi("user24"));
        Page<PublicIdentityRecord> impus = store.identities().publicIdentities(PageRequest.first(1000));
        assertThat(impus.total()).isEqualTo(50);
        assertThat(impus.items()).allSatisfy(impu -> assertThat(impu.privateIdentities()).hasSize(1));
    }

    @Test
    void updatesPublicIdentitiesButNotTheirRegistrationOrSubscription() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001"),
                subscriber("bob", "+15550002")));
        store.profiles().saveServiceProfile(ServiceProfileRecord.empty("gold"));
        store.identities().updateRegistration(new ImpuRegistration(sip("alice"), RegistrationState.REGISTERED,
                Optional.of("sip:scscf.example.org")));
        PublicIdentityRecord changed = new PublicIdentityRecord(sip("alice"), "alice", "gold",
                IdentityType.PUBLIC_USER_IDENTITY, true, 3, Optional.of("g1"), Optional.of("Alice A."), Set.of());

        store.identities().updatePublicIdentity(changed);

        assertThat(store.identities().publicIdentity(sip("alice"))).contains(changed);
        assertThat(store.identities().registration(sip("alice")).orElseThrow().state())
                .isEqualTo(RegistrationState.REGISTERED);
        assertThat(store.identities().isAssociated(ALICE, sip("alice"))).isFalse();
        PublicIdentityRecord moved = PublicIdentityRecord.of(sip("alice"), "bob", PROFILE, Set.of());
        assertThatThrownBy(() -> store.identities().updatePublicIdentity(moved))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.CONSTRAINT));
        PublicIdentityRecord unknown = PublicIdentityRecord.of(sip("nobody"), "alice", PROFILE, Set.of());
        assertThatThrownBy(() -> store.identities().updatePublicIdentity(unknown))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
        assertThat(store.identities().deletePublicIdentity(sip("alice"))).isTrue();
        assertThat(store.identities().deletePublicIdentity(sip("alice"))).isFalse();
        assertThat(store.identities().deletePrivateIdentity(ALICE)).isTrue();
        assertThat(store.identities().publicIdentity(new Impu("tel:+15550001")).orElseThrow().privateIdentities())
                .isEmpty();
    }

    @Test
    void normalisesTelUrisOnWriteAndLookup() {
        Impi impi = impi("dave");
        store.subscriptions().createSubscriptions(List.of(new NewSubscription(SubscriptionRecord.of("dave"),
                List.of(akaCredentials(impi, 0)),
                List.of(PublicIdentityRecord.of(new Impu("TEL:+1-555-(0100)"), "dave", PROFILE, Set.of(impi))))));

        assertThat(store.identities().publicIdentity(new Impu("tel:+15550100"))).isPresent();
        assertThat(store.identities().publicIdentity(new Impu("tel:+1.555.0100")).orElseThrow().impu())
                .isEqualTo(new Impu("tel:+15550100"));
        assertThat(store.identities().isAssociated(impi, new Impu("tel:+1 555 0100".replace(" ", "-")))).isTrue();
    }

    @Test
    void matchesWildcardedPsisAfterExactIdentities() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        PublicIdentityRecord wildcard = new PublicIdentityRecord(new Impu("sip:chatroom-!.*!@conf.example.org"),
                "alice", PROFILE, IdentityType.WILDCARDED_PSI, false, 5, Optional.empty(), Optional.empty(), Set.of());
        store.identities().createPublicIdentity(wildcard);
        store.identities().createPublicIdentity(new PublicIdentityRecord(new Impu("sip:chatroom-vip@conf.example.org"),
                "alice", PROFILE, IdentityType.DISTINCT_PSI, false, 6, Optional.empty(), Optional.empty(), Set.of()));

        assertThat(store.identities().findPublicIdentity(new Impu("sip:chatroom-42@conf.example.org")))
                .contains(wildcard);
        assertThat(store.identities().findPublicIdentity(new Impu("sip:chatroom-vip@conf.example.org"))
                .orElseThrow().identityType()).isEqualTo(IdentityType.DISTINCT_PSI);
        assertThat(store.identities().publicIdentity(new Impu("sip:chatroom-42@conf.example.org"))).isEmpty();
        assertThat(store.identities().findPublicIdentity(new Impu("sip:lobby-42@conf.example.org"))).isEmpty();
        assertThat(store.identities().implicitSet(new Impu("sip:chatroom-7@conf.example.org")))
                .containsExactly(wildcard);
    }

    @Test
    void answersAssociationAndImplicitSetQuestions() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001"),
                subscriber("bob", "+15550002")));
        PublicIdentityRecord work = new PublicIdentityRecord(sip("alice.work"), "alice", PROFILE,
                IdentityType.PUBLIC_USER_IDENTITY, false, 1, Optional.empty(), Optional.empty(), Set.of(ALICE));
        store.identities().createPublicIdentity(work);

        assertThat(store.identities().isAssociated(ALICE, sip("alice"))).isTrue();
        assertThat(store.identities().isAssociated(impi("bob"), sip("alice"))).isFalse();
        assertThat(store.identities().isAssociated(ALICE, sip("nobody"))).isFalse();
        assertThat(store.identities().implicitSet(new Impu("tel:+15550001"))).extracting(PublicIdentityRecord::impu)
                .containsExactly(sip("alice"), new Impu("tel:+15550001"));
        assertThat(store.identities().implicitSet(sip("alice.work"))).containsExactly(work);
        assertThat(store.identities().implicitSet(sip("nobody"))).isEmpty();
        assertThat(store.identities().publicIdentitiesOf(ALICE)).extracting(PublicIdentityRecord::impu)
                .containsExactly(sip("alice"), new Impu("tel:+15550001"), sip("alice.work"));
    }

    @Test
    void tracksRegistrationStatePerImplicitSet() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        store.identities().createPublicIdentity(new PublicIdentityRecord(sip("alice.work"), "alice", PROFILE,
                IdentityType.PUBLIC_USER_IDENTITY, false, 1, Optional.empty(), Optional.empty(), Set.of(ALICE)));
        assertThat(store.identities().registration(sip("alice"))).contains(
                new ImpuRegistration(sip("alice"), RegistrationState.NOT_REGISTERED, Optional.empty()));

        List<ImpuRegistration> updated = store.identities().updateImplicitSetRegistration(new Impu("tel:+15550001"),
                RegistrationState.REGISTERED, Optional.of("sip:scscf.example.org:6060"));

        assertThat(updated).extracting(ImpuRegistration::impu).containsExactly(sip("alice"), new Impu("tel:+15550001"));
        assertThat(updated).allSatisfy(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        assertThat(store.identities().registration(sip("alice")).orElseThrow().scscfName())
                .contains("sip:scscf.example.org:6060");
        assertThat(store.identities().registration(sip("alice.work")).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);
        store.identities().updateRegistration(new ImpuRegistration(sip("alice"), RegistrationState.NOT_REGISTERED,
                Optional.of("sip:scscf.example.org:6060")));
        assertThat(store.identities().registration(sip("alice")).orElseThrow().state())
                .isEqualTo(RegistrationState.NOT_REGISTERED);
        assertThatThrownBy(() -> store.identities().updateRegistration(
                new ImpuRegistration(sip("nobody"), RegistrationState.NOT_REGISTERED, Optional.empty())))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.NOT_FOUND));
    }

    @Test
    void marksAPendingAuthenticationAndReportsOnlyChangedRegistrations() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        PublicIdentityRecord alice = store.identities().publicIdentity(sip("alice")).orElseThrow();
        String a = "sip:scscf-a.example.org";
        String b = "sip:scscf-b.example.org";

        store.identities().recordAuthenticationPending(alice, a, true);
        store.identities().recordAuthenticationPending(alice, a, true);

        assertThat(store.identities().registration(new Impu("tel:+15550001"))).as("the whole implicit set")
                .contains(new ImpuRegistration(new Impu("tel:+15550001"), RegistrationState.NOT_REGISTERED,
                        Optional.of(a), Optional.of(a)));
        List<ImpuRegistration> changed = store.identities().changeImplicitSetRegistration(sip("alice"),
                RegistrationState.REGISTERED, Optional.of(a));
        assertThat(changed).extracting(ImpuRegistration::impu).containsExactly(sip("alice"), new Impu("tel:+15550001"));
        assertThat(store.identities().registration(sip("alice")).orElseThrow().pendingScscf()).as("ended").isEmpty();

        store.identities().recordAuthenticationPending(alice, b, false);
        assertThat(store.identities().registration(sip("alice"))).as("a registered identity keeps its S-CSCF")
                .contains(new ImpuRegistration(sip("alice"), RegistrationState.REGISTERED, Optional.of(a),
                        Optional.of(b)));
        store.identities().endAuthentication(alice);
        assertThat(store.identities().registration(sip("alice"))).contains(
                new ImpuRegistration(sip("alice"), RegistrationState.REGISTERED, Optional.of(a)));
        assertThat(store.identities().changeImplicitSetRegistration(sip("alice"), RegistrationState.REGISTERED,
                Optional.of(a))).as("nothing changed").isEmpty();

        store.identities().recordAuthenticationPending(alice, b, false);
        store.identities().recordAuthenticationPending(alice, a, true);
        assertThat(store.identities().implicitSetRegistrations(alice)).as("the serving S-CSCF needs no flag and "
                + "clears another's").containsExactly(
                new ImpuRegistration(sip("alice"), RegistrationState.REGISTERED, Optional.of(a)),
                new ImpuRegistration(new Impu("tel:+15550001"), RegistrationState.REGISTERED, Optional.of(a)));

        store.identities().recordAuthenticationPending(alice, b, true);
        assertThat(store.identities().registration(sip("alice"))).as("taken over by a MAR from another S-CSCF")
                .contains(new ImpuRegistration(sip("alice"), RegistrationState.REGISTERED, Optional.of(b),
                        Optional.of(b)));
        store.identities().endAuthentication(alice);

        store.identities().updateImplicitSetRegistration(sip("alice"), RegistrationState.NOT_REGISTERED,
                Optional.empty());
        store.identities().recordAuthenticationPending(alice, b, false);
        store.identities().endAuthentication(alice);
        assertThat(store.identities().registration(sip("alice"))).as("the name the MAR stored is cleared")
                .contains(new ImpuRegistration(sip("alice"), RegistrationState.NOT_REGISTERED, Optional.empty()));
    }

    @Test
    void findsTheAssignedIdentitiesOfAServiceProfileAndOfAnIfcTemplate() {
        store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001"),
                subscriber("bob", "+15550002")));
        assertThat(store.identities().assignedIdentitiesWithProfile(PROFILE)).as("none registered").isEmpty();

        store.identities().updateImplicitSetRegistration(sip("alice"), RegistrationState.REGISTERED,
                Optional.of("sip:scscf.example.org"));

        assertThat(store.identities().assignedIdentitiesWithProfile(PROFILE))
                .containsExactly(sip("alice"), new Impu("tel:+15550001"));
        assertThat(store.identities().assignedIdentitiesWithIfcTemplate("mmtel")).as("no profile uses it").isEmpty();

        store.profiles().saveIfcTemplate(StoreFixtures.template("mmtel", 10));
        store.profiles().saveServiceProfile(ServiceProfileRecord.ofTemplates("with-mmtel", List.of("mmtel")));
        store.identities().createPublicIdentity(new PublicIdentityRecord(sip("bob.work"), "bob", "with-mmtel",
                IdentityType.PUBLIC_USER_IDENTITY, false, 1, Optional.empty(), Optional.empty(),
                Set.of(impi("bob"))));
        assertThat(store.identities().assignedIdentitiesWithIfcTemplate("mmtel")).as("not registered").isEmpty();
        store.identities().updateImplicitSetRegistration(sip("bob.work"), RegistrationState.UNREGISTERED,
                Optional.of("sip:scscf.example.org"));

        assertThat(store.identities().assignedIdentitiesWithIfcTemplate("mmtel")).containsExactly(sip("bob.work"));
        assertThat(store.identities().assignedIdentitiesWithProfile("with-mmtel")).containsExactly(sip("bob.work"));
    }

    @Test
    void recordsTheDiameterOriginOfEachScscf() {
        String a = "sip:scscf-a.example.org:6060";
        assertThat(store.identities().scscfOrigin(a)).isEmpty();

        store.identities().recordScscfOrigin(a, "cx-a.example.org");
        store.identities().recordScscfOrigin(a, "cx-a.example.org");
        store.identities().recordScscfOrigin("sip:scscf-b.example.org", "cx-b.example.org");
        assertThat(store.identities().scscfOrigin(a)).contains("cx-a.example.org");

        store.identities().recordScscfOrigin(a, "cx-a2.example.org");
        assertThat(store.identities().scscfOrigin(a)).as("the last SAR's origin").contains("cx-a2.example.org");
        assertThat(store.identities().scscfOrigin("sip:scscf-b.example.org")).contains("cx-b.example.org");
        assertThatThrownBy(() -> store.identities().recordScscfOrigin(a, ""))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("originHost");
    }

    @Test
    void aReaderOnOneConnectionSeesEveryWriteFromAnother() throws Exception {
        store.subscriptions().createSubscriptions(List.of(subscriber("dora", "+15550009")));
        ExecutorService reader = Executors.newSingleThreadExecutor();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            for (int i = 0; i < 20; i++) {
                RegistrationState state = i % 2 == 0 ? RegistrationState.REGISTERED : RegistrationState.UNREGISTERED;
                String scscf = "sip:scscf" + i + ".example.org";
                writer.submit(() -> store.identities().updateImplicitSetRegistration(sip("dora"), state,
                        Optional.of(scscf))).get(10, TimeUnit.SECONDS);
                // statements kept prepared between reads must not keep a read snapshot (SQLite WAL) either
                assertThat(reader.submit(() -> store.identities().registration(sip("dora"))).get(10, TimeUnit.SECONDS))
                        .contains(new ImpuRegistration(sip("dora"), state, Optional.of(scscf)));
            }
        } finally {
            reader.shutdownNow();
            writer.shutdownNow();
        }
    }
}
