package io.osprey.hss.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A database for the store test suites: SQLite in a temporary file, or a fresh schema in the local
 * PostgreSQL (127.0.0.1:5432, user postgres, database test; OSPREY_TEST_POSTGRES_URL overrides the URL).
 * When PostgreSQL is unreachable its tests are skipped through a JUnit assumption, unless
 * {@code OSPREY_REQUIRE_PEERS=true}, which makes them fail.
 */
abstract class StoreBackend implements AutoCloseable {

    private static final String[] TABLES = {"identity_link", "public_identity", "private_identity", "subscription",
        "profile_template", "profile_ifc", "service_profile", "ifc_template", "sh_repository_data"};

    private SubscriberStore store;

    final SubscriberStore store() {
        if (store == null) {
            store = SubscriberStores.open(config());
        }
        return store;
    }

    abstract StoreConfig config();

    abstract Connection adminConnection() throws SQLException;

    /** Deletes every row, children first. */
    final void wipe() {
        try (Connection connection = adminConnection(); Statement statement = connection.createStatement()) {
            for (String table : TABLES) {
                statement.executeUpdate("DELETE FROM " + table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("wiping the test store failed", e);
        }
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }

    static StoreBackend sqlite() {
        return new Sqlite();
    }

    static StoreBackend postgres() {
        return new Postgres();
    }

    static final class Sqlite extends StoreBackend {

        private final Path directory;

        Sqlite() {
            try {
                directory = Files.createTempDirectory("osprey-hss-store");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        Path file() {
            return directory.resolve("data").resolve("osprey.db");
        }

        @Override
        StoreConfig config() {
            return StoreConfig.of("sqlite:" + file());
        }

        @Override
        Connection adminConnection() throws SQLException {
            return DriverManager.getConnection("jdbc:sqlite:" + file());
        }

        @Override
        public void close() {
            super.close();
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static final class Postgres extends StoreBackend {

        /** The test server; OSPREY_TEST_POSTGRES_URL overrides it (user postgres, trust auth). */
        static final String URL = Optional.ofNullable(System.getenv("OSPREY_TEST_POSTGRES_URL"))
                .orElse("jdbc:postgresql://127.0.0.1:5432/test");
        static final String USER = "postgres";

        private final String schema = "osprey_test_"
                + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());

        Postgres() {
            try {
                DriverManager.getConnection(URL + "?connectTimeout=3", USER, "").close();
            } catch (SQLException e) {
                String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + ")";
                if ("true".equalsIgnoreCase(System.getenv("OSPREY_REQUIRE_PEERS"))) {
                    throw new AssertionError(message + " and OSPREY_REQUIRE_PEERS=true", e);
                }
                Assumptions.abort(message + ": PostgreSQL store test SKIPPED; set OSPREY_REQUIRE_PEERS=true to fail");
            }
        }

        @Override
        StoreConfig config() {
            return StoreConfig.of(URL).withCredentials(USER, "").withSchema(schema).withPoolSize(8);
        }

        @Override
        Connection adminConnection() throws SQLException {
            return DriverManager.getConnection(URL + "?currentSchema=" + schema, USER, "");
        }

        @Override
        public void close() {
            super.close();
            try (Connection connection = DriverManager.getConnection(URL, USER, "");
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("dropping test schema " + schema + " failed", e);
            }
        }
    }
}
