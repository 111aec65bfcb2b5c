package io.osprey.bench.hss;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the PostgreSQL server processes doing this benchmark's work: the backends of connections whose
 * {@code application_name} is the benchmark's, plus the WAL writer, checkpointer and background writer (shared
 * with any other client of the same server). Process ids come from {@code pg_stat_activity}; utime + stime from
 * field 14 and 15 of {@code /proc/<pid>/stat} (proc(5)), which works when the server runs on this Linux host.
 * A process that has exited keeps the last value read, so a total never goes down.
 */
final class PostgresServerCpu implements AutoCloseable {

    /** Linux reports /proc times in USER_HZ, which is 100 on every mainstream architecture. */
    private static final long NANOS_PER_TICK = 10_000_000L;
    private static final String QUERY = "SELECT pid FROM pg_stat_activity WHERE application_name = ?"
            + " OR backend_type IN ('walwriter', 'checkpointer', 'background writer')";

    private final Connection connection;
    private final String applicationName;
    private final Map<Integer, Long> lastTicks = new HashMap<>();

    private PostgresServerCpu(Connection connection, String applicationName) {
        this.connection = connection;
        this.applicationName = applicationName;
    }

    /** Opens the monitoring connection, or explains in the exception why server CPU cannot be read. */
    static PostgresServerCpu open(String url, String user, String password, String applicationName)
            throws SQLException {
        if (!Files.isReadable(Path.of("/proc/self/stat"))) {
            throw new SQLException("no /proc file system, so PostgreSQL server CPU cannot be read");
        }
        PostgresServerCpu cpu = new PostgresServerCpu(DriverManager.getConnection(url, user, password),
                applicationName);
        cpu.nanos();
        if (cpu.lastTicks.isEmpty()) {
            cpu.close();
            throw new SQLException("no PostgreSQL process of pg_stat_activity is readable under /proc;"
                    + " the server is not on this host");
        }
        return cpu;
    }

    /** Total CPU nanoseconds of the processes seen so far, or {@link CpuMeter#UNKNOWN} when the query fails. */
    synchronized long nanos() {
        try (PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, applicationName);
            try (ResultSet pids = statement.executeQuery()) {
                while (pids.next()) {
                    int pid = pids.getInt(1);
                    long ticks = cpuTicks(pid);
                    if (ticks >= 0) {
                        lastTicks.put(pid, ticks);
                    }
                }
            }
        } catch (SQLException e) {
            return CpuMeter.UNKNOWN;
        }
        long total = 0;
        for (long ticks : lastTicks.values()) {
            total += ticks;
        }
        return total * NANOS_PER_TICK;
    }

    /** utime + stime in clock ticks, or -1 when the process is gone or not readable. */
    private static long cpuTicks(int pid) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        } catch (IOException e) {
            return -1;
        }
        // The command name (field 2) is in parentheses and may hold spaces; fields after it are plain.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // Only a monitoring connection; nothing to recover.
        }
    }
}
