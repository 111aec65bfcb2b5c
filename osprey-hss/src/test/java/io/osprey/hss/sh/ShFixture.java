package io.osprey.hss.sh;

import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.node.UnknownPeerPolicy;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerTimers;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.jdbi.v3.core.Jdbi;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/** A SQLite subscriber store in a temp folder, the repository data table beside it, and Sh node configs. */
final class ShFixture {

    static final String REALM = "ims.test";
    static final String HSS_HOST = "hss.ims.test";

    private ShFixture() {
    }

    static SubscriberStore store(Path directory) {
        return SubscriberStores.open(StoreConfig.of("sqlite:" + directory.resolve("osprey.db")));
    }

    /** The V2 table, reached through its own connection to the file the store migrated. */
    static RepositoryDataStore repository(Path directory) {
        return new JdbiRepositoryDataStore(jdbi(directory));
    }

    static void setSequence(Path directory, String impu, String serviceIndication, int sequence) {
        jdbi(directory).useHandle(h -> h.createUpdate("UPDATE sh_repository_data SET sequence_number = :s "
                        + "WHERE impu = :impu AND service_indication = :si")
                .bind("s", sequence).bind("impu", impu).bind("si", serviceIndication).execute());
    }

    private static Jdbi jdbi(Path directory) {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(10_000);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        SQLiteDataSource dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + directory.resolve("osprey.db"));
        return Jdbi.create(dataSource);
    }

    private static PeerTimers fastTimers() {
        return new PeerTimers(Duration.ofMillis(300), Duration.ZERO, Duration.ofMillis(200), Duration.ofMillis(800),
                Duration.ofSeconds(1));
    }

    static DiameterNodeConfig hss() {
        return DiameterNodeConfig.builder(HSS_HOST, REALM).listen(new InetSocketAddress("127.0.0.1", 0))
                .application(ShDictionary.APPLICATION).timers(fastTimers()).requestTimeout(Duration.ofSeconds(3))
                .product(10415, "Osprey HSS test", 1).unknownPeers(UnknownPeerPolicy.acceptAny()).build();
    }

    static DiameterNodeConfig as(String host, int hssPort) {
        return DiameterNodeConfig.builder(host, REALM).application(ShDictionary.APPLICATION).timers(fastTimers())
                .requestTimeout(Duration.ofSeconds(3)).product(10415, "Osprey AS test", 1)
                .peer(new PeerConfig(HSS_HOST, REALM, "127.0.0.1", hssPort)).build();
    }
}
