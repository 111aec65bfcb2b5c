package io.osprey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.PageRequest;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code osprey up}'s demo users: created once in an empty store, random secrets, printed and kept owner-only. */
class DemoSubscribersTest {

    @TempDir
    Path dir;

    @Test
    void emptyStoreGetsAnAkaAndADigestUserOnceWithFreshSecrets() throws Exception {
        try (SubscriberStore store = SubscriberStores.open(StoreConfig.of("sqlite:" + dir.resolve("a.db")))) {
            ProvisioningService provisioning = new ProvisioningService(store, "ims.test");
            StringWriter printed = new StringWriter();
            Path secrets = dir.resolve("data/demo-subscribers.txt");

            assertThat(DemoSubscribers.ensure(provisioning, "ims.test", secrets, new PrintWriter(printed, true)))
                    .isTrue();

            assertThat(provisioning.findSubscriber("sip:alice@ims.test")).isNotNull();
            assertThat(provisioning.findSubscriber("tel:+15551230002")).isNotNull();
            assertThat(printed.toString()).contains("alice", "K ", "OP ", "AMF 8000", "bob", "password ");
            assertThat(Files.readString(secrets)).isEqualTo(printed.toString());
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secrets))).isEqualTo("rw-------");

            assertThat(DemoSubscribers.ensure(provisioning, "ims.test", secrets, new PrintWriter(new StringWriter())))
                    .as("a store with subscribers is left alone").isFalse();
            assertThat(provisioning.listSubscribers(PageRequest.first(10)).total()).isEqualTo(2);
        }

        try (SubscriberStore other = SubscriberStores.open(StoreConfig.of("sqlite:" + dir.resolve("b.db")))) {
            StringWriter printed = new StringWriter();
            DemoSubscribers.ensure(new ProvisioningService(other, "ims.test"), "ims.test",
                    dir.resolve("b-secrets.txt"), new PrintWriter(printed, true));
            assertThat(printed.toString()).as("secrets are random, never fixed defaults")
                    .isNotEqualTo(Files.readString(dir.resolve("data/demo-subscribers.txt")));
        }
    }
}
