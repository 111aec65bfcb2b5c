package io.osprey.hss.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.Impu;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreConfigTest {

    @Test
    void defaultsToAnSqliteFileUnderData() {
        StoreConfig config = StoreConfig.defaults();

        assertThat(config.url()).isEqualTo("sqlite:./data/osprey.db");
        assertThat(config.dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(config.sqlitePath()).isEqualTo("./data/osprey.db");
        assertThat(config.effectivePoolSize()).isEqualTo(4);
        assertThat(StoreConfig.of("jdbc:sqlite:/tmp/x.db").sqlitePath()).isEqualTo("/tmp/x.db");
        assertThat(StoreConfig.of("jdbc:postgresql://db:5432/hss").dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(StoreConfig.of("jdbc:postgresql://db:5432/hss").effectivePoolSize()).isEqualTo(10);
    }

    @Test
    void refusesBadSettingsNamingThem() {
        assertThatThrownBy(() -> StoreConfig.of("mysql://db/hss")).hasMessageContaining("url must start with");
        assertThatThrownBy(() -> StoreConfig.of("sqlite::memory:")).hasMessageContaining("SQLite file path");
        assertThatThrownBy(() -> StoreConfig.of("sqlite:x.db").withSchema("Bad-Name")).hasMessageContaining("schema");
        assertThatThrownBy(() -> StoreConfig.of("sqlite:x.db").withSecretKey("AAAA")).hasMessageContaining("16 or 32");
        assertThatThrownBy(() -> StoreConfig.of("sqlite:x.db").withSecretKey("not base64!"))
                .hasMessageContaining("base64");
        assertThatThrownBy(() -> StoreConfig.of("sqlite:x.db").withPoolSize(-1)).hasMessageContaining("poolSize");
    }

    @Test
    void createsTheSqliteFolderAndReportsAnUnreachableDatabase(@TempDir Path directory) {
        Path file = directory.resolve("nested/deeper/osprey.db");
        try (SubscriberStore store = SubscriberStores.open(StoreConfig.of("sqlite:" + file))) {
            assertThat(store.identities().publicIdentity(new Impu("sip:a@b"))).isEmpty();
        }
        assertThat(file).exists();

        assertThatThrownBy(() -> SubscriberStores.open(
                StoreConfig.of("jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1").withCredentials("x", "y")))
                .isInstanceOfSatisfying(StoreException.class,
                        e -> assertThat(e.reason()).isEqualTo(StoreException.Reason.UNAVAILABLE));
    }
}
