package io.osprey.bench.hss;

import io.osprey.hss.provisioning.ImportResult;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Cx MAR/MAA benchmark (issue 4): the HSS runs as {@code osprey run hss} in a child JVM over a SQLite store holding
 * {@code subscribers} AKA subscribers; one S-CSCF connection in this JVM keeps {@code window} MARs outstanding.
 * After {@code warmup} MARs it sends {@code mars} more and reports round trips per second, latency p50/p99, and the
 * HSS process's CPU-seconds per 1,000 MARs from {@code /proc/<pid>/stat} (so the load generator's CPU is not
 * counted), plus MARs per HSS CPU-second. Every MAR reserves one SQN and runs MILENAGE once (1 vector).
 *
 * <pre>
 * java -cp osprey-bench/target/benchmarks.jar io.osprey.bench.hss.MarBenchmark [option=value]...
 *   subscribers=1000  mars=20000  warmup=2000  window=64  runs=1
 * </pre>
 */
public final class MarBenchmark {

    private static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    private static final long CSV_SEED = 20261124L;
    private static final List<String> HSS_JVM_OPTIONS = List.of("-Xms256m", "-Xmx512m", "-Dosprey.log.level=WARN");

    private MarBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        MarOptions options;
        try {
            options = MarOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(MarOptions.USAGE);
            System.exit(2);
            return;
        }
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, load average %.2f; %s%n", Runtime.version(),
                os.getAvailableProcessors(), os.getSystemLoadAverage(), options);
        Path work = Files.createTempDirectory("osprey-mar-bench");
        try {
            run(options, work);
        } finally {
            deleteTree(work);
        }
        System.out.printf(Locale.ROOT, "load average at the end %.2f%n", os.getSystemLoadAverage());
    }

    private static void run(MarOptions options, Path work) throws Exception {
        Path database = work.resolve("osprey.db");
        String[] impis = provision(database, options.subscribers());
        int port = freePort();
        Path config = work.resolve("osprey.yaml");
        Files.writeString(config, "home-domain: " + DOMAIN + "\nhss:\n  listen: 127.0.0.1\n  port: " + port
                + "\nstore:\n  url: sqlite:" + database + "\n");
        CpuMeter meter = new CpuMeter(() -> CpuMeter.UNKNOWN);
        try (HssProcess hss = HssProcess.start(config, HSS_JVM_OPTIONS);
             MarLoad load = new MarLoad(DOMAIN, port, impis)) {
            System.out.printf("HSS pid %d on 127.0.0.1:%d%n", hss.pid(), port);
            if (options.warmup() > 0) {
                report("warm-up", load.run(options.warmup(), options.window()), 0, 0);
            }
            for (int run = 1; run <= options.runs(); run++) {
                long hssBefore = hss.cpuNanos();
                CpuMeter.Span span = meter.start();
                MarLoad.Outcome outcome = load.run(options.mars(), options.window());
                CpuMeter.Usage client = span.stop();
                long hssCpu = hss.cpuNanos() - hssBefore;
                report("run " + run, outcome, hssCpu, client.processCpuNanos());
            }
        }
    }

    private static String[] provision(Path database, int subscribers) {
        String csv = SubscriberCsv.generate(subscribers, DOMAIN, CSV_SEED);
        try (SubscriberStore store = SubscriberStores.open(StoreConfig.of("sqlite:" + database))) {
            ProvisioningService provisioning = new ProvisioningService(store, DOMAIN);
            provisioning.installDefaultTemplates();
            ImportResult result = provisioning.importCsv(new StringReader(csv));
            if (result.failed() > 0) {
                throw new IllegalStateException("provisioning refused " + result.failed() + " subscribers, first: "
                        + result.errors().get(0));
            }
            System.out.printf("provisioned %,d AKA subscribers in %s%n", result.imported(), database);
        }
        String[] impis = new String[subscribers];
        for (int n = 0; n < subscribers; n++) {
            impis[n] = SubscriberCsv.impi(n, DOMAIN).value();
        }
        return impis;
    }

    private static void report(String phase, MarLoad.Outcome outcome, long hssCpuNanos, long clientCpuNanos) {
        double wall = outcome.wallNanos() / 1e9;
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%-8s %,7d MARs in %6.2f s: %,8.0f MAR/s, p50 %.2f ms, p99 %.2f ms, failed %d", phase, outcome.sent(),
                wall, outcome.sent() / wall, outcome.p50Nanos() / 1e6, outcome.p99Nanos() / 1e6,
                outcome.failures()));
        if (hssCpuNanos > 0) {
            double hssCpu = hssCpuNanos / 1e9;
            line.append(String.format(Locale.ROOT, "; HSS CPU %.2f s = %.3f CPU-s per 1,000 MARs = %,.0f MARs per"
                    + " HSS CPU-s; load generator CPU %.2f s", hssCpu, hssCpu * 1000 / outcome.sent(),
                    outcome.sent() / hssCpu, clientCpuNanos / 1e9));
        }
        if (outcome.firstFailure() != null) {
            line.append("; first failure: ").append(outcome.firstFailure());
        }
        System.out.println(line);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** Command-line options, each {@code name=value}. */
    record MarOptions(int subscribers, int mars, int warmup, int window, int runs) {

        static final String USAGE = "options: subscribers=1000 mars=20000 warmup=2000 window=64 runs=1";

        static MarOptions parse(String[] args) {
            int subscribers = 1000;
            int mars = 20_000;
            int warmup = 2000;
            int window = 64;
            int runs = 1;
            for (String arg : args) {
                int equals = arg.indexOf('=');
                if (equals < 1) {
                    throw new IllegalArgumentException("option must be name=value, was \"" + arg + "\"");
                }
                String value = arg.substring(equals + 1);
                switch (arg.substring(0, equals)) {
                    case "subscribers" -> subscribers = number("subscribers", value, 1, 1_000_000);
                    case "mars" -> mars = number("mars", value, 1, 10_000_000);
                    case "warmup" -> warmup = number("warmup", value, 0, 10_000_000);
                    case "window" -> window = number("window", value, 1, 16_384);
                    case "runs" -> runs = number("runs", value, 1, 100);
                    default -> throw new IllegalArgumentException("unknown option \"" + arg.substring(0, equals)
                            + "\"");
                }
            }
            return new MarOptions(subscribers, mars, warmup, window, runs);
        }

        private static int number(String name, String value, int min, int max) {
            int number;
            try {
                number = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, was \"" + value + "\"");
            }
            if (number < min || number > max) {
                throw new IllegalArgumentException(name + " must be " + min + " to " + max + ", was " + number);
            }
            return number;
        }
    }
}
