package io.osprey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.admin.AdminApi;
import io.osprey.server.config.AdminConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SubscriberCommandTest {

    // TS 35.208 test set 1
    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    private static final String PASSWORD = "correct-horse-battery";
    private static final String IMPI = "alice@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String IMPU = "sip:alice@ims.mnc001.mcc001.3gppnetwork.org";

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;
    private AdminApi.Started admin;

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.close();
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = OspreyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        assertThat((out.toString() + err).toLowerCase(Locale.ROOT)).as("no secret in CLI output")
                .doesNotContain(K).doesNotContain(OP).doesNotContain(PASSWORD);
        return status;
    }

    private String[] withTarget(List<String> target, String... args) {
        List<String> all = new ArrayList<>(List.of("subscriber"));
        all.addAll(List.of(args));
        all.addAll(target);
        return all.toArray(String[]::new);
    }

    /** A core's admin API on a free port, and the -c option pointing the CLI at it with its token file. */
    private List<String> runningCore() throws Exception {
        Path tokenFile = dir.resolve("admin-token");
        admin = AdminApi.start(new AdminConfig("127.0.0.1", 0, null, tokenFile), List.of(), "test",
                SubscriberStores.open(StoreConfig.of("sqlite:" + dir.resolve("core.db"))),
                "ims.mnc001.mcc001.3gppnetwork.org");
        Path config = dir.resolve("osprey.yaml");
        Files.writeString(config, "admin:\n  port: " + admin.server().port() + "\n  token-file: " + tokenFile + "\n");
        return List.of("-c", config.toString());
    }

    private List<String> store() {
        return List.of("-c", dir.resolve("none.yaml").toString(), "--db", "sqlite:" + dir.resolve("cli.db"));
    }

    @Test
    void addShowListUpdateDeleteThroughTheAdminApi() throws Exception {
        exerciseEveryCommand(runningCore());
    }

    @Test
    void addShowListUpdateDeleteStraightToAStore() {
        exerciseEveryCommand(store());
    }

    private void exerciseEveryCommand(List<String> target) {
        assertThat(run(withTarget(target, "add", "--impu", IMPU, "--impi", IMPI, "--k", K, "--op", OP, "--amf", "8000",
                "--tel", "+15551230001"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("added subscriber " + IMPI).contains("tel:+15551230001");

        assertThat(run(withTarget(target, "show", IMPI))).isZero();
        assertThat(out.toString()).contains("\"hasAkaKeys\" : true").contains(IMPU);

        assertThat(run(withTarget(target, "update", IMPI, "--password", PASSWORD, "--impu", IMPU, "--barred", "true")))
                .as(err.toString()).isZero();
        assertThat(run(withTarget(target, "list"))).isZero();
        assertThat(out.toString()).contains(IMPI).contains(IMPU + " (barred)").contains("1-1 of 1 subscriber(s)");

        assertThat(run(withTarget(target, "delete", IMPI))).isZero();
        assertThat(run(withTarget(target, "show", IMPI))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber show: impi: ").contains(IMPI);
    }

    @Test
    void errorsNameTheOption() throws Exception {
        List<String> target = runningCore();
        assertThat(run(withTarget(target, "add", "--impu", IMPU, "--impi", IMPI, "--k", K.substring(1), "--op", OP)))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add: --k: must be 32 hex digits");
        assertThat(run(withTarget(target, "add", "--impu", IMPU, "--impi", IMPI, "--password", PASSWORD))).isZero();
        assertThat(run(withTarget(target, "add", "--impu", IMPU, "--impi", IMPI, "--password", PASSWORD)))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add: --impi: ").contains("exists already");
        assertThat(run(withTarget(target, "update", IMPI, "--barred", "true"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber update: --impu: is required");
        assertThat(run(withTarget(target, "list", "--limit", "5000"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber list: --limit: must be 1 to 1000");
        assertThat(run(withTarget(target, "add", "--impu", IMPU))).isEqualTo(2);
        assertThat(err.toString()).contains("--impi");
    }

    @Test
    void importReportsCountsAndLineErrors() throws Exception {
        Path csv = dir.resolve("subscribers.csv");
        Files.writeString(csv, "impi,impu,k,op,password\n"
                + "a@ims.example.org,sip:a@ims.example.org," + K + "," + OP + ",\n"
                + "b@ims.example.org,sip:b@ims.example.org,,," + PASSWORD + "\n"
                + "c@ims.example.org,sip:c@ims.example.org,12," + OP + ",\n");
        assertThat(run(withTarget(store(), "import", csv.toString()))).isZero();
        assertThat(out.toString()).startsWith("imported 2, failed 1").contains("line 4 k: must be 32 hex digits");
        assertThat(run(withTarget(store(), "import", dir.resolve("missing.csv").toString()))).isEqualTo(1);
        assertThat(err.toString()).contains("missing.csv does not exist");
    }

    @Test
    void withoutARunningCoreOrTokenTheErrorSaysWhatToDo() throws Exception {
        Path config = dir.resolve("osprey.yaml");
        Files.writeString(config, "admin:\n  token-file: " + dir.resolve("no-token") + "\n");
        assertThat(run("subscriber", "list", "-c", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("no admin token").contains("--db");
        assertThat(run("subscriber", "list", "--db", "mysql://x")).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber list: --db: store url must start with");
    }
}
