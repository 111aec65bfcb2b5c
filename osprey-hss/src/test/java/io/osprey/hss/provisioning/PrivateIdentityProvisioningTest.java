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
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.store.SubscriberStore;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateIdentityProvisioningTest {

    private static final Impi ALICE = new Impi(impi("alice"));
    private static final Impi TABLET = new Impi(impi("alice-tablet"));

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
    void addsAPasswordIdentityThatMayUseEveryPublicUserIdentity() {
        PrivateIdentityRecord added = service.addPrivateIdentity(impi("alice"),
                NewPrivateIdentity.withPassword(TABLET.value(), "tablet-secret"));

        assertThat(added).isEqualTo(new PrivateIdentityRecord(TABLET, impi("alice"),
                Set.of(AuthScheme.DIGEST_MD5, AuthScheme.DIGEST_SHA256), false, true, 0));
        assertThat(store.authenticationCentre().credentials(TABLET).orElseThrow().digest())
                .contains(new DigestSecret.Password("tablet-secret"));
        for (PublicIdentityRecord identity : service.showSubscriber(impi("alice")).publicIdentities()) {
            assertThat(identity.privateIdentities()).as(identity.impu().uri())
                    .containsExactlyInAnyOrder(ALICE, TABLET);
        }
        assertThat(store.identities().isAssociated(TABLET, new Impu("tel:+15550001"))).isTrue();
        assertThat(service.findSubscriber(TABLET.value()).subscription().id()).isEqualTo(impi("alice"));
    }

    @Test
    void addsAnAkaIdentityWithItsAmfAndSqn() {
        service.addPrivateIdentity(impi("alice"),
                new NewPrivateIdentity(TABLET.value(), K, OP, null, "9000", 64L, null));

        ImpiCredentials credentials = store.authenticationCentre().credentials(TABLET).orElseThrow();
        AkaKeys keys = credentials.aka().orElseThrow();
        assertThat(Hex.encode(keys.k())).isEqualTo(K);
        assertThat(keys.operatorKeyKind()).isEqualTo(AkaKeys.OperatorKeyKind.OP);
        assertThat(Hex.encode(keys.amf())).isEqualTo("9000");
        assertThat(credentials.sqn()).isEqualTo(64);
        assertThat(credentials.digest()).isEmpty();
        assertThat(credentials.authSchemes()).containsExactlyInAnyOrder(AuthScheme.AKA_V1_MD5, AuthScheme.AKA_V2_MD5);
    }

    @Test
    void addRefusesDuplicatesUnknownSubscribersAndBadCredentials() {
        service.addSubscriber(aka("bob", "+15550009"));
        String alice = impi("alice");
        assertRefused(() -> service.addPrivateIdentity(alice, NewPrivateIdentity.withPassword(alice, "x1")),
                CONFLICT, "impi");
        assertRefused(() -> service.addPrivateIdentity(alice, NewPrivateIdentity.withPassword(impi("bob"), "x1")),
                CONFLICT, "impi");
        assertRefused(() -> service.addPrivateIdentity(impi("nobody"),
                NewPrivateIdentity.withPassword(TABLET.value(), "x1")), NOT_FOUND, null);
        assertRefused(() -> service.addPrivateIdentity(alice, NewPrivateIdentity.withPassword("no-realm", "x1")),
                INVALID, "impi");
        assertRefused(() -> service.addPrivateIdentity(alice, NewPrivateIdentity.withPassword(null, "x1")),
                INVALID, "impi");
        assertRefused(() -> service.addPrivateIdentity(alice, NewPrivateIdentity.withAkaOpc(TABLET.value(),
                "zz" + K.substring(2), OPC)), INVALID, "k");
        assertRefused(() -> service.addPrivateIdentity(alice, NewPrivateIdentity.withAkaOpc(TABLET.value(), K,
                OPC.substring(1))), INVALID, "opc");
        assertRefused(() -> service.addPrivateIdentity(alice, new NewPrivateIdentity(TABLET.value(), null, OP, null,
                null, null, null)), INVALID, "k");
        assertRefused(() -> service.addPrivateIdentity(alice, new NewPrivateIdentity(TABLET.value(), null, null, null,
                null, null, null)), INVALID, "k");
        assertRefused(() -> service.addPrivateIdentity(alice, new NewPrivateIdentity(TABLET.value(), null, null, null,
                null, -1L, "x1")), INVALID, "sqn");
        assertThat(store.identities().privateIdentity(TABLET)).isEmpty();
        assertThat(service.showSubscriber(alice).privateIdentities()).hasSize(1);
    }

    @Test
    void removesAnIdentityWithItsLinks() {
        service.addPrivateIdentity(impi("alice"), NewPrivateIdentity.withPassword(TABLET.value(), "tablet-secret"));

        service.removePrivateIdentity(impi("alice"), TABLET.value());

        assertThat(store.identities().privateIdentity(TABLET)).isEmpty();
        assertThat(store.authenticationCentre().credentials(TABLET)).isEmpty();
        for (PublicIdentityRecord identity : service.showSubscriber(impi("alice")).publicIdentities()) {
            assertThat(identity.privateIdentities()).containsExactly(ALICE);
        }
    }

    @Test
    void theLastPrivateIdentityOfASubscriptionStays() {
        assertRefused(() -> service.removePrivateIdentity(impi("alice"), ALICE.value()), CONFLICT, "impi");
        assertThatRefusalSays(() -> service.removePrivateIdentity(impi("alice"), ALICE.value()),
                "private identity " + ALICE + " is the subscriber's last one; delete the subscriber instead");
        assertThat(store.identities().privateIdentity(ALICE)).isPresent();
    }

    @Test
    void anIdentityThatAloneUsesAPublicIdentityStays() {
        service.addPrivateIdentity(impi("alice"), NewPrivateIdentity.withPassword(TABLET.value(), "tablet-secret"));
        store.identities().createPublicIdentity(PublicIdentityRecord.of(new Impu(sip("alice-tablet")), impi("alice"),
                "default", Set.of(TABLET)));

        assertRefused(() -> service.removePrivateIdentity(impi("alice"), TABLET.value()), CONFLICT, "impi");
        assertThatRefusalSays(() -> service.removePrivateIdentity(impi("alice"), TABLET.value()),
                "public identity " + sip("alice-tablet") + " is used by private identity " + TABLET
                        + " only and would be left without one");
        assertThat(store.identities().privateIdentity(TABLET)).isPresent();
    }

    @Test
    void removeRefusesUnknownIdentitiesAndThoseOfOtherSubscribers() {
        service.addSubscriber(aka("bob", "+15550009"));
        assertRefused(() -> service.removePrivateIdentity(impi("alice"), impi("bob")), NOT_FOUND, "impi");
        assertRefused(() -> service.removePrivateIdentity(impi("alice"), impi("ghost")), NOT_FOUND, "impi");
        assertRefused(() -> service.removePrivateIdentity(impi("nobody"), impi("alice")), NOT_FOUND, null);
        assertRefused(() -> service.removePrivateIdentity(impi("alice"), "no-realm"), INVALID, "impi");
        assertThat(store.identities().privateIdentity(new Impi(impi("bob")))).isPresent();
    }

    private static void assertThatRefusalSays(org.assertj.core.api.ThrowableAssert.ThrowingCallable call,
                                              String reason) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call).isInstanceOfSatisfying(ProvisioningException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
