package io.osprey.server.role;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real SIPp ({@code sip-tester}) as a child process with its statistics written to a CSV file, and reads
 * the counters back. Every run is bounded by a wall-clock limit after which SIPp is killed.
 */
final class Sipp implements AutoCloseable {

    private final Path workDir;
    private final String name;
    private final List<String> command = new ArrayList<>();
    private Process process;

    Sipp(Path sipp, Path workDir, String name) {
        this.workDir = workDir;
        this.name = name;
        command.add(sipp.toString());
    }

    Sipp args(String... args) {
        Collections.addAll(command, args);
        return this;
    }

    /** Starts SIPp in the background with statistics, error and screen logs under the work directory. */
    Sipp start() throws IOException {
        command.addAll(List.of("-nostdin", "-trace_stat", "-stf", statFile().toString(), "-fd", "1",
                "-trace_err", "-error_file", workDir.resolve(name + "-errors.log").toString(),
                "-trace_screen", "-screen_file", workDir.resolve(name + "-screen.log").toString()));
        process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(workDir.resolve(name + "-out.log").toFile())
                .start();
        return this;
    }

    /** Waits for SIPp to exit and returns its exit code (0: every call succeeded); kills it past the limit. */
    int await(long seconds) throws InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            return -1;
        }
        return process.exitValue();
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    Path statFile() {
        return workDir.resolve(name + "-stats.csv");
    }

    /** The cumulative counters of the last statistics line, by column name (e.g. {@code SuccessfulCall(C)}). */
    Map<String, String> lastStats() throws IOException {
        List<String> lines = Files.readAllLines(statFile(), StandardCharsets.ISO_8859_1);
        if (lines.size() < 2) {
            return Map.of();
        }
        String[] header = lines.get(0).split(";");
        String[] last = lines.get(lines.size() - 1).split(";");
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < Math.min(header.length, last.length); i++) {
            values.put(header[i].trim(), last[i].trim());
        }
        return values;
    }

    long counter(String column) throws IOException {
        String value = lastStats().get(column);
        return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
    }

    /** What SIPp printed and logged, for assertion messages. */
    String diagnostics() {
        StringBuilder out = new StringBuilder();
        for (String suffix : List.of("-out.log", "-errors.log", "-screen.log")) {
            Path file = workDir.resolve(name + suffix);
            try {
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    out.append("--- ").append(file.getFileName()).append(" ---\n")
                            .append(text.length() > 6000 ? text.substring(text.length() - 6000) : text).append('\n');
                }
            } catch (IOException e) {
                out.append("(cannot read ").append(file).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
