package io.osprey.bench.hss;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The HSS as {@code osprey run hss -c <file>} in a child JVM on this machine's classpath, so its CPU time can be read
 * apart from the load generator's: {@link #cpuNanos()} sums utime and stime of {@code /proc/<pid>/stat} (Linux).
 * {@link #close()} sends SIGTERM, which the role runner answers by closing the node and the store.
 */
final class HssProcess implements AutoCloseable {

    private static final String READY = "hss ready on ";
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final Process process;
    private final long ticksPerSecond;
    private final List<String> console = new ArrayList<>();

    private HssProcess(Process process, long ticksPerSecond) {
        this.process = process;
        this.ticksPerSecond = ticksPerSecond;
    }

    /** Starts the child JVM with {@code jvmOptions} and waits (at most 60 s) until the role says it is ready. */
    static HssProcess start(Path config, List<String> jvmOptions) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.osprey.server.cli.OspreyCli",
                "run", "hss", "-c", config.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        HssProcess hss = new HssProcess(process, clockTicksPerSecond());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (hss.console) {
                        if (hss.console.size() < 200) {
                            hss.console.add(line);
                        }
                    }
                    if (line.startsWith(READY)) {
                        ready.countDown();
                    }
                }
            } catch (IOException ignored) {
                // the child ended
            }
        }, "hss-console");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the HSS did not start within 60 s: " + hss.console());
        }
        return hss;
    }

    long pid() {
        return process.pid();
    }

    /** User plus system CPU time of the child so far. */
    long cpuNanos() {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the HSS's CPU time (needs Linux /proc)", e);
        }
        // fields after the parenthesised command name: state is field 3, utime 14 and stime 15 (proc(5))
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * NANOS_PER_SECOND / ticksPerSecond;
    }

    String console() {
        synchronized (console) {
            return String.join("\n", console);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | NumberFormatException e) {
            // fall through to the Linux default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
