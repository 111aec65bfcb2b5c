package io.osprey.hss.store;

import static io.osprey.hss.store.StoreFixtures.impi;
import static io.osprey.hss.store.StoreFixtures.subscriber;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.model.SubscriptionRecord;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secrets at rest: AES-GCM with a configured key, plain hex without one, and clear errors on a key mismatch. */
class EncryptedSecretsTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[16]);

    @TempDir
    Path directory;

    @Test
    void encryptsKeysAndPasswordsWithTheConfiguredKey() throws SQLException {
        Path file = directory.resolve("osprey.db");
        try (SubscriberStore store = SubscriberStores.open(StoreConfig.of("sqlite:" + file).withSecretKey(KEY))) {
            store.profiles().saveServiceProfile(ServiceProfileRecord.empty(StoreFixtures.PROFILE));
            store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
            store.identities().createPrivateIdentity("alice", StoreFixtures.digestCredentials(impi("pc"), "hunter2"));

            assertThat(store.authenticationCentre().credentials(impi("alice")).orElseThrow())
                    .isEqualTo(StoreFixtures.akaCredentials(impi("alice"), 0));
            assertThat(store.authenticationCentre().credentials(impi("pc")).orElseThrow().digest())
                    .contains(new DigestSecret.Password("hunter2"));
        }
        String raw = rawSecrets(file);
        assertThat(raw).contains("gcm1:").doesNotContain(StoreFixtures.K).doesNotContain(StoreFixtures.OPC)
                .doesNotContain("hex:");

        try (SubscriberStore withoutKey = SubscriberStores.open(StoreConfig.of("sqlite:" + file))) {
            assertThatThrownBy(() -> withoutKey.authenticationCentre().credentials(impi("alice")))
                    .hasMessageContaining("encrypted but the store has no secretKey");
            assertThat(withoutKey.identities().privateIdentity(impi("alice")).orElseThrow().hasAkaKeys()).isTrue();
        }
        try (SubscriberStore wrongKey = SubscriberStores.open(StoreConfig.of("sqlite:" + file).withSecretKey(OTHER_KEY))) {
            assertThatThrownBy(() -> wrongKey.authenticationCentre().nextVector(impi("alice")))
                    .hasMessageContaining("wrong secretKey");
        }
    }

    @Test
    void storesHexWithoutAKeyAndReadsItAfterAKeyIsConfigured() throws SQLException {
        Path file = directory.resolve("osprey.db");
        try (SubscriberStore store = SubscriberStores.open(StoreConfig.of("sqlite:" + file))) {
            store.profiles().saveServiceProfile(ServiceProfileRecord.empty(StoreFixtures.PROFILE));
            store.subscriptions().createSubscriptions(List.of(subscriber("alice", "+15550001")));
        }
        assertThat(rawSecrets(file)).contains("hex:" + StoreFixtures.K).contains("hex:" + StoreFixtures.OPC);

        try (SubscriberStore store = SubscriberStores.open(StoreConfig.of("sqlite:" + file).withSecretKey(KEY))) {
            ImpiCredentials credentials = store.authenticationCentre().credentials(impi("alice")).orElseThrow();
            assertThat(credentials).isEqualTo(StoreFixtures.akaCredentials(impi("alice"), 0));
            store.authenticationCentre().updateCredentials(credentials);
        }
        assertThat(rawSecrets(file)).doesNotContain(StoreFixtures.K).contains("gcm1:");
    }

    @Test
    void redactsSecretsInToString() {
        ImpiCredentials credentials = StoreFixtures.akaCredentials(impi("alice"), 0);
        ImpiCredentials digest = StoreFixtures.digestCredentials(impi("bob"), "hunter2");
        StoreConfig config = StoreConfig.of("jdbc:postgresql://db/hss").withCredentials("hss", "pgpass")
                .withSecretKey(KEY);

        assertThat(credentials.toString()).contains("alice").doesNotContain(StoreFixtures.K)
                .doesNotContain(StoreFixtures.OPC).contains("<redacted>");
        assertThat(digest.toString()).doesNotContain("hunter2");
        assertThat(config.toString()).doesNotContain("pgpass").doesNotContain(KEY).contains("hss");
        assertThat(SubscriptionRecord.of("alice").toString()).contains("alice");
    }

    private static String rawSecrets(Path file) throws SQLException {
        StringBuilder raw = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT aka_k, aka_op, digest_secret FROM private_identity")) {
            while (rs.next()) {
                raw.append(rs.getString(1)).append(' ').append(rs.getString(2)).append(' ').append(rs.getString(3))
                        .append('\n');
            }
        }
        return raw.toString();
    }
}
