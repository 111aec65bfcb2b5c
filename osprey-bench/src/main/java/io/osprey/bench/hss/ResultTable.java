package io.osprey.bench.hss;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The benchmark's results as a Markdown table, one row per store and phase. */
final class ResultTable {

    private static final String HEADER = "| store | phase | count | wall s | per s | process CPU s | per CPU-s"
            + " | DB server CPU s | per (process + server) CPU-s |\n|---|---|---|---|---|---|---|---|---|\n";

    private final List<String> rows = new ArrayList<>();

    /** One phase; an {@code embedded} database runs inside this JVM, so its CPU is in the process CPU. */
    void add(String store, String phase, long count, CpuMeter.Usage usage, boolean embedded) {
        double wall = seconds(usage.wallNanos());
        double cpu = seconds(usage.processCpuNanos());
        String server;
        String perTotalCpu;
        if (embedded) {
            server = "in process";
            perTotalCpu = format("%,.0f", count / cpu);
        } else if (usage.serverCpuNanos() == CpuMeter.UNKNOWN) {
            server = "n/a";
            perTotalCpu = "n/a";
        } else {
            double serverSeconds = seconds(usage.serverCpuNanos());
            server = format("%.2f", serverSeconds);
            perTotalCpu = format("%,.0f", count / (cpu + serverSeconds));
        }
        rows.add(format("| %s | %s | %,d | %.2f | %,.0f | %.2f | %,.0f | %s | %s |", store, phase, count, wall,
                count / wall, cpu, count / cpu, server, perTotalCpu));
    }

    void addSkipped(String store, String reason) {
        rows.add("| " + store + " | skipped: " + reason.replace('|', '/') + " | | | | | | | |");
    }

    @Override
    public String toString() {
        return HEADER + String.join("\n", rows) + "\n";
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }
}
