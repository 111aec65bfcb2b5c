package io.osprey.bench.hss;

import io.osprey.hss.store.StoreConfig;
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
import java.util.function.LongSupplier;
import java.util.stream.Stream;

/**
 * A throw-away database for one benchmark run: a SQLite file in a temporary folder, or a fresh schema in a
 * PostgreSQL server. {@link #close()} deletes the folder or drops the schema.
 */
abstract sealed class BenchStore implements AutoCloseable {

    /** The {@code application_name} of the store's PostgreSQL connections, to find their server processes. */
    static final String APPLICATION_NAME = "osprey-hss-bench";

    abstract String name();

    abstract StoreConfig config();

    /** Whether the database runs inside this JVM, so its CPU time is part of the process CPU time. */
    abstract boolean embedded();

    /** CPU nanoseconds of the database server processes, or {@link CpuMeter#UNKNOWN}. */
    abstract LongSupplier serverCpu();

    /** Why server CPU is not measured, for the report; empty when it is. */
    abstract Optional<String> serverCpuGap();

    @Override
    public abstract void close();

    static BenchStore sqlite() {
        try {
            return new Sqlite(Files.createTempDirectory("osprey-hss-bench"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the SQLite store", e);
        }
    }

    /**
     * A new schema in the server at {@code url}, or the reason it is unreachable.
     *
     * @throws SQLException when the server cannot be reached; the message says why
     */
    static BenchStore postgres(String url, String user, String password) throws SQLException {
        DriverManager.getConnection(url + separator(url) + "connectTimeout=3", user, password).close();
        return new Postgres(url, user, password);
    }

    private static char separator(String url) {
        return url.indexOf('?') < 0 ? '?' : '&';
    }

    static final class Sqlite extends BenchStore {

        private final Path directory;

        private Sqlite(Path directory) {
            this.directory = directory;
        }

        @Override
        String name() {
            return "SQLite";
        }

        @Override
        StoreConfig config() {
            return StoreConfig.of("sqlite:" + directory.resolve("osprey.db"));
        }

        @Override
        boolean embedded() {
            return true;
        }

        @Override
        LongSupplier serverCpu() {
            return () -> 0;
        }

        @Override
        Optional<String> serverCpuGap() {
            return Optional.empty();
        }

        @Override
        public void close() {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + directory, e);
            }
        }
    }

    static final class Postgres extends BenchStore {

        private final String url;
        private final String user;
        private final String password;
        private final String schema = "osprey_bench_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        private final PostgresServerCpu serverCpu;
        private final String serverCpuGap;

        private Postgres(String url, String user, String password) {
            this.url = url;
            this.user = user;
            this.password = password;
            PostgresServerCpu cpu = null;
            String gap = null;
            try {
                cpu = PostgresServerCpu.open(url, user, password, APPLICATION_NAME);
            } catch (SQLException e) {
                gap = e.getMessage();
            }
            this.serverCpu = cpu;
            this.serverCpuGap = gap;
        }

        @Override
        String name() {
            return "PostgreSQL";
        }

        @Override
        StoreConfig config() {
            return StoreConfig.of(url + separator(url) + "ApplicationName=" + APPLICATION_NAME)
                    .withCredentials(user, password).withSchema(schema);
        }

        @Override
        boolean embedded() {
            return false;
        }

        @Override
        LongSupplier serverCpu() {
            return serverCpu == null ? () -> CpuMeter.UNKNOWN : serverCpu::nanos;
        }

        @Override
        Optional<String> serverCpuGap() {
            return Optional.ofNullable(serverCpuGap);
        }

        @Override
        public void close() {
            if (serverCpu != null) {
                serverCpu.close();
            }
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 Statement statement = connection.createStatement()) {
                statement.executeUpdate("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                throw new IllegalStateException("dropping benchmark schema " + schema + " failed", e);
            }
        }
    }
}
