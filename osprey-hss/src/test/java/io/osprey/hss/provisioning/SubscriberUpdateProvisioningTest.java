package io.osprey.hss.provisioning;

import static io.osprey.hss.provisioning.ProvisioningException.Kind.INVALID;
import static io.osprey.hss.provisioning.ProvisioningException.Kind.NOT_FOUND;
import static io.osprey.hss.provisioning.ProvisioningFixture.aka;
import static io.osprey.hss.provisioning.ProvisioningFixture.assertRefused;
import static io.osprey.hss.provisioning.ProvisioningFixture.impi;
import static io.osprey.hss.provisioning.ProvisioningFixture.sip;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.store.SubscriberStore;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ProvisioningService#updateSubscriber}: one transaction, refusals naming the PATCH body field. */
class SubscriberUpdateProvisioningTest {

    private static final CredentialsChange NEW_SQN = new CredentialsChange(null, null, null, null, 48L, null);

    @TempDir
    Path directory;

    private SubscriberStore store;
    private ProvisioningService service;

    @BeforeEach
    void open() {
        store = ProvisioningFixture.store(directory);
        service = new ProvisioningService(store, ProvisioningFixture.DOMAIN);
        service.addSubscriber(aka("alice", "+15550001"));
        service.addSubscriber(aka("bob", "+15550009"));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Map<String, PublicIdentityChange> changes(String... impus) {
        Map<String, PublicIdentityChange> changes = new LinkedHashMap<>();
        for (String impu : impus) {
            changes.put(impu, PublicIdentityChange.barring(true));
        }
        return changes;
    }

    private long aliceSqn() {
        return store.identities().privateIdentity(new Impi(impi("alice"))).orElseThrow().sqn();
    }

    @Test
    void appliesCredentialsAndEveryIdentityChange() {
        var view = service.updateSubscriber(impi("alice"), NEW_SQN, changes(sip("alice"), "tel:+15550001"));

        assertThat(view.privateIdentities().getFirst().sqn()).isEqualTo(48);
        assertThat(view.publicIdentities()).allMatch(PublicIdentityRecord::barred);
    }

    @Test
    void identityChangesAloneNeedNoCredentials() {
        service.updateSubscriber(impi("alice"), null, changes("tel:+15550001"));

        assertThat(store.identities().publicIdentity(new Impu("tel:+15550001")).orElseThrow().barred()).isTrue();
        assertThat(aliceSqn()).isZero();
    }

    @Test
    void refusalsNameTheFieldOfTheBodyAndChangeNothing() {
        assertRefused(() -> service.updateSubscriber(impi("alice"), NEW_SQN, changes(sip("alice"), sip("bob"))),
                NOT_FOUND, "publicIdentities[1].impu");
        assertRefused(() -> service.updateSubscriber(impi("alice"), NEW_SQN, changes(sip("ghost"))),
                NOT_FOUND, "publicIdentities[0].impu");
        assertRefused(() -> service.updateSubscriber(impi("alice"), NEW_SQN, changes(sip("alice"), "no scheme")),
                INVALID, "publicIdentities[1].impu");
        assertRefused(() -> service.updateSubscriber(impi("alice"), new CredentialsChange("12", null, null, null,
                null, null), changes(sip("alice"))), INVALID, "k");
        assertRefused(() -> service.updateSubscriber(impi("nobody"), NEW_SQN, changes()), NOT_FOUND, null);
        assertRefused(() -> service.updateSubscriber(impi("alice"), null, changes()), INVALID, "credentials");
        assertRefused(() -> service.updateSubscriber(impi("alice"), NEW_SQN, Map.of(sip("alice"),
                new PublicIdentityChange(null, null, null, null, -1))), INVALID, "publicIdentities[0].implicitSet");

        assertThat(aliceSqn()).isZero();
        assertThat(store.identities().publicIdentity(new Impu(sip("alice"))).orElseThrow().barred()).isFalse();
        assertThat(store.identities().publicIdentity(new Impu(sip("bob"))).orElseThrow().barred()).isFalse();
    }
}
