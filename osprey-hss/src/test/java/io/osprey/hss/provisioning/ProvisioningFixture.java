package io.osprey.hss.provisioning;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.nio.file.Path;
import org.assertj.core.api.ThrowableAssert;

/** A provisioning service over a fresh SQLite store, and assertions on its typed errors. */
final class ProvisioningFixture {

    static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";

    private ProvisioningFixture() {
    }

    static SubscriberStore store(Path directory) {
        return SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("osprey.db")));
    }

    static String impi(String user) {
        return user + "@" + DOMAIN;
    }

    static String sip(String user) {
        return "sip:" + user + "@" + DOMAIN;
    }

    static NewSubscriber aka(String user, String msisdn) {
        return NewSubscriber.of(impi(user), sip(user)).withTel("tel:" + msisdn).withAkaOpc(K, OPC);
    }

    static void assertRefused(ThrowableAssert.ThrowingCallable call, ProvisioningException.Kind kind, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ProvisioningException.class, e -> {
            org.assertj.core.api.Assertions.assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            org.assertj.core.api.Assertions.assertThat(e.field().orElse(null)).as(e.getMessage()).isEqualTo(field);
        });
    }
}
