package io.osprey.bench.hss;

import io.osprey.hss.model.Impi;
import io.osprey.hss.provisioning.ImportResult;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

/**
 * HSS store benchmark (issue 3): for SQLite and, when reachable, PostgreSQL, times the CSV import of
 * {@code subscribers} AKA subscribers through {@link ProvisioningService#importCsv}, then authentication vector
 * generation (one SQN reservation and one MILENAGE run per vector) with 1 and 8 threads. Reports wall rates and
 * rates per CPU-second: this JVM's CPU (benchmark, JDBC driver, JIT, GC) and, for PostgreSQL on this host, the
 * server's. A plain main rather than JMH because each phase runs for seconds.
 *
 * <pre>
 * java -cp osprey-bench/target/benchmarks.jar io.osprey.bench.hss.HssStoreBenchmark [option=value]...
 *   subscribers=100000  seconds=10  threads=1,8  warmup=3  stores=sqlite,postgres
 *   postgres=jdbc:postgresql://127.0.0.1:5432/test  user=postgres  password=
 * </pre>
 */
public final class HssStoreBenchmark {

    private static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    private static final long CSV_SEED = 20261123L;

    private final BenchOptions options;
    private final ResultTable table = new ResultTable();

    private HssStoreBenchmark(BenchOptions options) {
        this.options = options;
    }

    public static void main(String[] args) throws InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        new HssStoreBenchmark(options).run();
    }

    private void run() throws InterruptedException {
        var os = ManagementFactory.getOperatingSystemMXBean();
        System.out.printf(Locale.ROOT, "JDK %s, %d CPUs, load average %.2f; %s%n", Runtime.version(),
                os.getAvailableProcessors(), os.getSystemLoadAverage(), options);
        String csv = SubscriberCsv.generate(options.subscribers(), DOMAIN, CSV_SEED);
        System.out.printf(Locale.ROOT, "generated CSV: %,d subscribers, %,d characters%n", options.subscribers(),
                csv.length());
        if (options.sqlite()) {
            try (BenchStore store = BenchStore.sqlite()) {
                measure(store, csv);
            }
        }
        if (options.postgres()) {
            BenchStore postgres;
            try {
                postgres = BenchStore.postgres(options.postgresUrl(), options.user(), options.password());
            } catch (SQLException e) {
                String reason = "PostgreSQL not reachable at " + options.postgresUrl() + " (" + e.getMessage() + ")";
                System.out.println("SKIPPED " + reason);
                table.addSkipped("PostgreSQL", reason);
                postgres = null;
            }
            if (postgres != null) {
                try (BenchStore store = postgres) {
                    measure(store, csv);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%nload average at the end %.2f%n%n%s", os.getSystemLoadAverage(), table);
    }

    private void measure(BenchStore bench, String csv) throws InterruptedException {
        System.out.println("== " + bench.name());
        bench.serverCpuGap().ifPresent(gap -> System.out.println("database server CPU excluded: " + gap));
        CpuMeter meter = new CpuMeter(bench.serverCpu());
        try (SubscriberStore store = SubscriberStores.open(bench.config())) {
            new ProvisioningService(store, DOMAIN).installDefaultTemplates();

            CpuMeter.Span span = meter.start();
            ImportResult result = new ProvisioningService(store, DOMAIN).importCsv(new StringReader(csv));
            CpuMeter.Usage usage = span.stop();
            System.out.printf(Locale.ROOT, "import: %,d imported, %,d refused in %.1f s%n", result.imported(),
                    result.failed(), usage.wallNanos() / 1e9);
            result.errors().stream().limit(5).forEach(error -> System.out.println("  refused: " + error));
            table.add(bench.name(), "CSV import (subscribers)", result.imported(), usage,
                    bench.embedded());

            Impi[] subscribers = new Impi[options.subscribers()];
            for (int n = 0; n < subscribers.length; n++) {
                subscribers[n] = SubscriberCsv.impi(n, DOMAIN);
            }
            VectorLoad load = new VectorLoad(store.authenticationCentre(), subscribers);
            load.run(options.threads()[options.threads().length - 1], Duration.ofSeconds(options.warmupSeconds()));
            for (int threads : options.threads()) {
                span = meter.start();
                VectorLoad.Outcome outcome = load.run(threads, Duration.ofSeconds(options.seconds()));
                usage = span.stop();
                System.out.printf(Locale.ROOT, "vectors, %d thread(s): %,d made, %,d failed%s%n", threads,
                        outcome.vectors(), outcome.failures(),
                        outcome.failures() == 0 ? "" : " (first: " + outcome.firstFailure() + ")");
                table.add(bench.name(), "vectors, " + threads + (threads == 1 ? " thread" : " threads"),
                        outcome.vectors(), usage, bench.embedded());
            }
        } catch (StoreException e) {
            System.out.println("FAILED " + bench.name() + ": " + e.getMessage());
            table.addSkipped(bench.name(), "failed: " + e.getMessage());
        }
    }
}
