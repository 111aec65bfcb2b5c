package io.osprey.hss.provisioning;

import static io.osprey.hss.provisioning.ProvisioningException.Kind.CONFLICT;
import static io.osprey.hss.provisioning.ProvisioningException.Kind.INVALID;
import static io.osprey.hss.provisioning.ProvisioningException.Kind.NOT_FOUND;
import static io.osprey.hss.provisioning.ProvisioningFixture.aka;
import static io.osprey.hss.provisioning.ProvisioningFixture.assertRefused;
import static io.osprey.hss.provisioning.ProvisioningFixture.impi;
import static io.osprey.hss.provisioning.ProvisioningFixture.sip;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.store.SubscriberStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublicIdentityProvisioningTest {

    private static final PublicIdentityChange DEFAULTS = new PublicIdentityChange(null, null, null, null, null);

    @TempDir
    Path directory;

    private SubscriberStore store;
    private ProvisioningService service;

    @BeforeEach
    void open() {
        store = ProvisioningFixture.store(directory);
        service = new ProvisioningService(store, ProvisioningFixture.DOMAIN);
        service.addSubscriber(aka("alice", "+15550001"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void addsAnIdentityForEveryPrivateIdentityOfTheSubscriber() {
        Impi second = new Impi(impi("alice-tablet"));
        var password = Optional.<DigestSecret>of(new DigestSecret.Password("tablet-secret"));
        store.identities().createPrivateIdentity(impi("alice"), new ImpiCredentials(second,
                SubscriberFactory.schemesFor(Optional.empty(), password), Optional.empty(), password, 0));

        PublicIdentityRecord added = service.addPublicIdentity(impi("alice"), sip("alice.work"), DEFAULTS);

        assertThat(store.identities().publicIdentity(new Impu(sip("alice.work")))).contains(added);
        assertThat(added.subscriptionId()).isEqualTo(impi("alice"));
        assertThat(added.privateIdentities()).containsExactlyInAnyOrder(new Impi(impi("alice")), second);
        assertThat(added.identityType()).isEqualTo(IdentityType.PUBLIC_USER_IDENTITY);
        assertThat(added.serviceProfile()).isEqualTo("default");
        assertThat(added.barred()).isFalse();
        assertThat(added.implicitSet()).isZero();
        assertThat(added.displayName()).isEmpty();
        assertThat(service.showSubscriber(impi("alice")).publicIdentities()).hasSize(3);
    }

    @Test
    void addTakesTheGivenSettings() {
        service.installDefaultTemplates();
        PublicIdentityRecord added = service.addPublicIdentity(impi("alice"), "tel:+15550002",
                new PublicIdentityChange(true, null, List.of("mmtel-orig"), "Alice Work", 3));

        assertThat(added.barred()).isTrue();
        assertThat(added.serviceProfile()).isEqualTo("mmtel-orig");
        assertThat(added.displayName()).contains("Alice Work");
        assertThat(added.implicitSet()).isEqualTo(3);
    }

    @Test
    void addRefusesDuplicatesUnknownSubscribersAndBadUris() {
        service.addSubscriber(aka("bob", "+15550009"));
        assertRefused(() -> service.addPublicIdentity(impi("alice"), sip("alice"), DEFAULTS), CONFLICT, "impu");
        assertRefused(() -> service.addPublicIdentity(impi("alice"), "tel:+15550009", DEFAULTS), CONFLICT, "impu");
        assertRefused(() -> service.addPublicIdentity(impi("nobody"), sip("nobody"), DEFAULTS), NOT_FOUND, null);
        assertRefused(() -> service.addPublicIdentity(impi("alice"), "alice-without-scheme", DEFAULTS), INVALID,
                "impu");
        assertRefused(() -> service.addPublicIdentity(impi("alice"), null, DEFAULTS), INVALID, "impu");
        assertRefused(() -> service.addPublicIdentity(impi("alice"), sip("alice.gold"),
                new PublicIdentityChange(null, "gold", null, null, null)), INVALID, "profile");
        assertThat(store.identities().publicIdentity(new Impu(sip("alice.gold")))).isEmpty();
    }

    @Test
    void removesIdentitiesButKeepsTheLastSipUriOfEachPrivateIdentity() {
        service.addPublicIdentity(impi("alice"), sip("alice.work"), DEFAULTS);

        service.removePublicIdentity(impi("alice"), "tel:+15550001");
        service.removePublicIdentity(impi("alice"), sip("alice"));

        assertThat(service.showSubscriber(impi("alice")).publicIdentities()).extracting(r -> r.impu().uri())
                .containsExactly(sip("alice.work"));
        assertRefused(() -> service.removePublicIdentity(impi("alice"), sip("alice.work")), CONFLICT, "impu");
        assertThat(store.identities().publicIdentity(new Impu(sip("alice.work")))).isPresent();
    }

    @Test
    void aTelUriCannotStandInForTheDefaultSipUri() {
        assertRefused(() -> service.removePublicIdentity(impi("alice"), sip("alice")), CONFLICT, "impu");
        assertThat(store.identities().publicIdentity(new Impu(sip("alice")))).isPresent();
    }

    @Test
    void removeRefusesUnknownIdentitiesAndThoseOfOtherSubscribers() {
        service.addSubscriber(aka("bob", "+15550009"));
        assertRefused(() -> service.removePublicIdentity(impi("alice"), "tel:+15550009"), NOT_FOUND, null);
        assertRefused(() -> service.removePublicIdentity(impi("alice"), sip("ghost")), NOT_FOUND, null);
        assertRefused(() -> service.removePublicIdentity(impi("nobody"), sip("alice")), NOT_FOUND, null);
        assertRefused(() -> service.removePublicIdentity(impi("alice"), "bad uri"), INVALID, "impu");
        assertThat(store.identities().publicIdentity(new Impu("tel:+15550009"))).isPresent();
    }
}
