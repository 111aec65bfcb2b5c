package io.osprey.hss.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opens a {@link SubscriberStore}: builds the HikariCP pool, migrates the schema with Flyway
 * ({@code classpath:db/migration}), and wires the JDBI repositories. SQLite files get WAL journaling, foreign
 * keys, a busy timeout and BEGIN IMMEDIATE transactions, and keep prepared statements per connection
 * ({@link SqliteStatementCache}); the file's folder is created if missing.
 */
public final class SubscriberStores {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberStores.class);
    private static final int SQLITE_BUSY_TIMEOUT_MS = 10_000;

    private SubscriberStores() {
    }

    /** Opens the store with the default identity normalisation. */
    public static SubscriberStore open(StoreConfig config) {
        return open(config, IdentityNormalizer.DEFAULT);
    }

    /**
     * Opens the store.
     *
     * @throws StoreException UNAVAILABLE when the database cannot be reached or migrated
     */
    public static SubscriberStore open(StoreConfig config, IdentityNormalizer normalizer) {
        return open(config, normalizer, ProvisioningWatch.DEFAULT_INTERVAL);
    }

    /** Opens the store, its {@link ProvisioningWatch} polling every {@code watchInterval}. */
    static SubscriberStore open(StoreConfig config, IdentityNormalizer normalizer, Duration watchInterval) {
        Dialect dialect = config.dialect();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("osprey-hss-store");
        hikari.setMaximumPoolSize(config.effectivePoolSize());
        if (dialect == Dialect.SQLITE) {
            hikari.setDataSource(sqlite(Path.of(config.sqlitePath())));
        } else {
            hikari.setJdbcUrl(config.url());
            config.user().ifPresent(hikari::setUsername);
            config.password().ifPresent(hikari::setPassword);
            config.schema().ifPresent(hikari::setSchema);
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "cannot connect to the subscriber store "
                    + config.displayUrl() + ": " + e.getMessage(), e);
        }
        try {
            var flyway = Flyway.configure(SubscriberStores.class.getClassLoader())
                    .dataSource(pool)
                    .locations("classpath:db/migration")
                    .cleanDisabled(true);
            config.schema().ifPresent(schema -> flyway.schemas(schema).createSchemas(true));
            int applied = flyway.load().migrate().migrationsExecuted;
            LOG.info("Subscriber store {} open, {} migration(s) applied", config.displayUrl(), applied);
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "cannot migrate the subscriber store "
                    + config.displayUrl() + ": " + e.getMessage(), e);
        }
        SecretCodec codec = config.secretKeyBytes().map(SecretCodec::aesGcm).orElseGet(SecretCodec::plain);
        Jdbi jdbi = Jdbi.create(pool);
        if (dialect == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(new SqliteStatementCache());
        }
        ProvisionedCache cache = new ProvisionedCache(config.cacheTtl(), ProvisionedCache.DEFAULT_MAX_ENTRIES,
                System::nanoTime);
        // one HSS process opens a SQLite file, so its own writes are all the registration and SQN writes there are
        // (decisions 0016, 0020)
        boolean ownsDatabase = dialect == Dialect.SQLITE && !config.cacheTtl().isZero();
        SecureRandom random = new SecureRandom();
        InMemoryState memory = new InMemoryState(cache,
                ownsDatabase ? RegistrationCache.of(ProvisionedCache.DEFAULT_MAX_ENTRIES) : RegistrationCache.disabled(),
                ownsDatabase ? SqnReservations.of(ProvisionedCache.DEFAULT_MAX_ENTRIES, config.sqnScheme(), random)
                        : SqnReservations.disabled(),
                random);
        // with the cache off there is nothing in memory for other processes' provisioning to make stale
        ProvisioningWatch watch = config.cacheTtl().isZero() ? null
                : new ProvisioningWatch(jdbi, cache, memory::provisioningChanged, watchInterval);
        try {
            if (watch != null) {
                watch.start();
            }
        } catch (RuntimeException e) {
            pool.close();
            throw new StoreException(StoreException.Reason.UNAVAILABLE, "cannot read the provisioning generation of "
                    + config.displayUrl() + ": " + e.getMessage(), e);
        }
        return new JdbiSubscriberStore(jdbi, pool, dialect, codec, config.sqnScheme(), normalizer, memory, watch);
    }

    private static SQLiteDataSource sqlite(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the subscriber store folder " + parent, e);
        }
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.enforceForeignKeys(true);
        sqlite.setJournalMode(SQLiteConfig.JournalMode.WAL);
        sqlite.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        sqlite.setBusyTimeout(SQLITE_BUSY_TIMEOUT_MS);
        sqlite.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        SQLiteDataSource dataSource = new SQLiteDataSource(sqlite);
        dataSource.setUrl("jdbc:sqlite:" + file);
        return dataSource;
    }
}
