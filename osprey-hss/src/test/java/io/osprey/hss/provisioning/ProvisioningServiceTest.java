package io.osprey.hss.provisioning;

import static io.osprey.hss.provisioning.ProvisioningException.Kind.CONFLICT;
import static io.osprey.hss.provisioning.ProvisioningException.Kind.INVALID;
import static io.osprey.hss.provisioning.ProvisioningException.Kind.NOT_FOUND;
import static io.osprey.hss.provisioning.ProvisioningFixture.K;
import static io.osprey.hss.provisioning.ProvisioningFixture.OP;
import static io.osprey.hss.provisioning.ProvisioningFixture.OPC;
import static io.osprey.hss.provisioning.ProvisioningFixture.aka;
import static io.osprey.hss.provisioning.ProvisioningFixture.assertRefused;
import static io.osprey.hss.provisioning.ProvisioningFixture.impi;
import static io.osprey.hss.provisioning.ProvisioningFixture.sip;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.store.Page;
import io.osprey.hss.store.PageRequest;
import io.osprey.hss.store.SubscriberStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProvisioningServiceTest {

    @TempDir
    Path directory;

    private SubscriberStore store;
    private ProvisioningService service;

    @BeforeEach
    void open() {
        store = ProvisioningFixture.store(directory);
        service = new ProvisioningService(store, ProvisioningFixture.DOMAIN);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void addsAnAkaSubscriberWithItsTelUriInTheSameImplicitSet() {
        SubscriberView view = service.addSubscriber(aka("alice", "+15550001").withAmf("9001").withSqn(64));

        assertThat(view.subscription().id()).isEqualTo(impi("alice"));
        assertThat(view.privateIdentities()).containsExactly(new PrivateIdentityRecord(new Impi(impi("alice")),
                impi("alice"), Set.of(AuthScheme.AKA_V1_MD5, AuthScheme.AKA_V2_MD5), true, false, 64));
        assertThat(view.publicIdentities()).extracting(PublicIdentityRecord::impu)
                .containsExactly(new Impu(sip("alice")), new Impu("tel:+15550001"));
        assertThat(view.publicIdentities()).allSatisfy(identity -> {
            assertThat(identity.serviceProfile()).isEqualTo(SubscriberFactory.DEFAULT_PROFILE);
            assertThat(identity.privateIdentities()).containsExactly(new Impi(impi("alice")));
        });
        assertThat(store.identities().implicitSet(new Impu("tel:+15550001"))).hasSize(2);
        AkaKeys keys = store.authenticationCentre().credentials(new Impi(impi("alice"))).orElseThrow().aka().orElseThrow();
        assertThat(keys).isEqualTo(AkaKeys.fromHex(K, null, OPC, "9001"));
        assertThat(view.toString()).doesNotContain(K).doesNotContain(OPC);
    }

    @Test
    void addsADigestSubscriberOnTheDefaultTemplates() {
        assertThat(service.installDefaultTemplates()).containsExactly("mmtel-orig", "mmtel-term");
        assertThat(service.installDefaultTemplates()).isEmpty();

        service.addSubscriber(NewSubscriber.of(impi("bob"), sip("bob")).withPassword("hunter2")
                .withSubscriptionId("bob").withIfcTemplates(List.of("mmtel-orig", "mmtel-term")));

        ImpiCredentials credentials = store.authenticationCentre().credentials(new Impi(impi("bob"))).orElseThrow();
        assertThat(credentials.digest()).contains(new DigestSecret.Password("hunter2"));
        assertThat(credentials.authSchemes()).containsExactly(AuthScheme.DIGEST_MD5, AuthScheme.DIGEST_SHA256);
        assertThat(store.profiles().serviceProfile("mmtel-orig+mmtel-term")).contains(
                ServiceProfileRecord.ofTemplates("mmtel-orig+mmtel-term", List.of("mmtel-orig", "mmtel-term")));
        List<InitialFilterCriteria> ifcs = store.subscriptions().userProfile(new Impi(impi("bob")), new Impu(sip("bob")))
                .orElseThrow().serviceProfiles().getFirst().filterCriteria();
        assertThat(ifcs).extracting(InitialFilterCriteria::priority).containsExactly(10, 20);
        assertThat(ifcs).allSatisfy(ifc -> assertThat(ifc.applicationServer().serverName())
                .isEqualTo("sip:mmtel@as." + ProvisioningFixture.DOMAIN));
    }

    @Test
    void refusesMissingAndMalformedFieldsNamingThem() {
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(null, sip("a")).withPassword("p")), INVALID, "impi");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of("alice", sip("a")).withPassword("p")), INVALID, "impi");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("a"), "").withPassword("p")), INVALID, "impu");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("a"), "tel:+1555").withPassword("p")),
                INVALID, "impu");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("a"), sip("a"))), INVALID, "k");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("a"), sip("a")).withAkaOpc("12zz", OPC)),
                INVALID, "k");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("a"), sip("a")).withAkaOpc(K, null)),
                INVALID, "opc");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("a"), sip("a")).withAkaOp(K, OP + "00")),
                INVALID, "op");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withAmf("80")), INVALID, "amf");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withSqn(-1)), INVALID, "sqn");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withTel(sip("b"))), INVALID, "tel");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withTel("tel:12")), INVALID, "tel");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withProfile("gold")), INVALID, "profile");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withIfcTemplates(List.of("nope"))),
                INVALID, "ifcTemplates");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withProfile("default")
                .withIfcTemplates(List.of("mmtel-orig"))), INVALID, "profile");
        assertRefused(() -> service.addSubscriber(aka("a", "+1").withSubscriptionId("has space")),
                INVALID, "subscriptionId");
        assertThat(store.subscriptions().subscriptions(PageRequest.first(10)).total()).isZero();
    }

    @Test
    void refusesDuplicateIdentitiesNamingTheField() {
        service.addSubscriber(aka("alice", "+15550001"));

        assertRefused(() -> service.addSubscriber(aka("alice", "+15550002").withSubscriptionId("x")), CONFLICT, "impi");
        assertRefused(() -> service.addSubscriber(NewSubscriber.of(impi("bob"), sip("alice")).withPassword("p")),
                CONFLICT, "impu");
        assertRefused(() -> service.addSubscriber(aka("bob", "+1-555-0001")), CONFLICT, "tel");
        assertRefused(() -> service.addSubscriber(aka("bob", "+15550002").withSubscriptionId(impi("alice"))),
                CONFLICT, "subscriptionId");
    }

    @Test
    void showsFindsAndListsSubscribers() {
        for (int i = 0; i < 5; i++) {
            service.addSubscriber(aka("user" + i, "+1555000" + i).withSubscriptionId("sub" + i));
        }

        assertThat(service.showSubscriber("sub3").privateIdentities()).extracting(r -> r.impi().value())
                .containsExactly(impi("user3"));
        assertThat(service.findSubscriber(impi("user2")).subscription().id()).isEqualTo("sub2");
        assertThat(service.findSubscriber(sip("user4")).subscription().id()).isEqualTo("sub4");
        assertThat(service.findSubscriber("TEL:+15550003").subscription().id()).isEqualTo("sub3");
        assertThat(service.findSubscriber("tel:+1-555-0001").subscription().id()).isEqualTo("sub1");
        assertRefused(() -> service.showSubscriber("sub9"), NOT_FOUND, null);
        assertRefused(() -> service.findSubscriber(impi("nobody")), NOT_FOUND, null);
        assertRefused(() -> service.findSubscriber("tel:abc"), INVALID, "identity");
        Page<SubscriberView> page = service.listSubscribers(new PageRequest(2, 2));
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(v -> v.subscription().id()).containsExactly("sub2", "sub3");
        assertThat(page.items()).allSatisfy(v -> {
            assertThat(v.privateIdentities()).hasSize(1);
            assertThat(v.publicIdentities()).hasSize(2);
        });
    }

    @Test
    void updatesCredentialsKeepingWhatIsNotChanged() {
        service.addSubscriber(aka("alice", "+15550001"));
        Impi alice = new Impi(impi("alice"));
        String newK = "00112233445566778899aabbccddeeff";

        service.updateCredentials(impi("alice"), new CredentialsChange(newK, null, null, null, null, null));
        assertThat(keys(alice)).isEqualTo(AkaKeys.fromHex(newK, null, OPC, "8000"));
        service.updateCredentials(impi("alice"), new CredentialsChange(null, OP, null, "b9b9", 320L, null));
        assertThat(keys(alice)).isEqualTo(AkaKeys.fromHex(newK, OP, null, "b9b9"));
        PrivateIdentityRecord record = service.updateCredentials(impi("alice"),
                new CredentialsChange(null, null, null, null, null, "pw"));
        assertThat(record.sqn()).isEqualTo(320);
        assertThat(record.authSchemes()).containsExactlyInAnyOrder(AuthScheme.values());
        assertThat(record.hasDigestSecret()).isTrue();

        CredentialsChange empty = new CredentialsChange(null, null, null, null, null, null);
        assertRefused(() -> service.updateCredentials(impi("alice"), empty), INVALID, "credentials");
        assertRefused(() -> service.updateCredentials(impi("nobody"), new CredentialsChange(K, null, null, null, null,
                null)), NOT_FOUND, null);
        assertRefused(() -> service.updateCredentials(impi("alice"), new CredentialsChange("xyz", null, null, null,
                null, null)), INVALID, "k");
        assertRefused(() -> service.updateCredentials(impi("alice"), new CredentialsChange(null, null, null, null,
                1L << 48, null)), INVALID, "sqn");
        service.addSubscriber(NewSubscriber.of(impi("bob"), sip("bob")).withPassword("p"));
        assertRefused(() -> service.updateCredentials(impi("bob"), new CredentialsChange(null, null, OPC, null, null,
                null)), INVALID, "k");
        assertThat(keys(alice)).isEqualTo(AkaKeys.fromHex(newK, OP, null, "b9b9"));
    }

    @Test
    void updatesPublicIdentities() {
        service.installDefaultTemplates();
        service.addSubscriber(aka("alice", "+15550001"));

        PublicIdentityRecord barred = service.updatePublicIdentity("tel:+15550001", PublicIdentityChange.barring(true));
        PublicIdentityRecord moved = service.updatePublicIdentity(sip("alice"),
                new PublicIdentityChange(null, null, List.of("mmtel-orig"), "Alice", 2));

        assertThat(store.identities().publicIdentity(new Impu("tel:+15550001"))).contains(barred);
        assertThat(barred.barred()).isTrue();
        assertThat(store.identities().publicIdentity(new Impu(sip("alice")))).contains(moved);
        assertThat(moved.serviceProfile()).isEqualTo("mmtel-orig");
        assertThat(moved.displayName()).contains("Alice");
        assertThat(moved.implicitSet()).isEqualTo(2);
        assertThat(moved.barred()).isFalse();
        assertRefused(() -> service.updatePublicIdentity(sip("nobody"), PublicIdentityChange.barring(true)),
                NOT_FOUND, null);
        assertRefused(() -> service.updatePublicIdentity(sip("alice"),
                new PublicIdentityChange(null, "gold", null, null, null)), INVALID, "profile");
        assertRefused(() -> service.updatePublicIdentity(sip("alice"),
                new PublicIdentityChange(null, null, null, null, -3)), INVALID, "implicitSet");
    }

    @Test
    void deletesSubscribers() {
        service.addSubscriber(aka("alice", "+15550001"));

        service.deleteSubscriber(impi("alice"));

        assertRefused(() -> service.deleteSubscriber(impi("alice")), NOT_FOUND, null);
        assertThat(store.identities().publicIdentity(new Impu("tel:+15550001"))).isEmpty();
        service.addSubscriber(aka("alice", "+15550001"));
        assertThat(Hex.encode(keys(new Impi(impi("alice"))).k())).isEqualTo(K);
    }

    private AkaKeys keys(Impi impi) {
        return store.authenticationCentre().credentials(impi).orElseThrow().aka().orElseThrow();
    }
}
