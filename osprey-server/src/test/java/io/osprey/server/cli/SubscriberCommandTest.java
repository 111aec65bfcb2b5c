package io.osprey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.admin.AdminApi;
import io.osprey.server.config.AdminConfig;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
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

    /** Runs the CLI with {@code stdin} as standard input (for --password-stdin). */
    private int runWithStdin(String stdin, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return run(args);
        } finally {
            System.setIn(saved);
        }
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

    private static final String TABLET = "alice-tablet@ims.mnc001.mcc001.3gppnetwork.org";
    private static final String WORK = "sip:alice.work@ims.mnc001.mcc001.3gppnetwork.org";

    @Test
    void identityCommandsThroughTheAdminApi() throws Exception {
        exerciseIdentityCommands(runningCore());
    }

    @Test
    void identityCommandsStraightToAStore() {
        exerciseIdentityCommands(store());
    }

    private void exerciseIdentityCommands(List<String> target) {
        assertThat(runWithStdin(PASSWORD + "\n", withTarget(target, "add", "--impi", IMPI, "--impu", IMPU,
                "--password-stdin"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"hasDigestSecret\" : true").contains("\"hasAkaKeys\" : false");

        assertThat(run(withTarget(target, "add-impu", IMPI, "--impu", WORK, "--barred", "--display-name", "Work")))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("added public identity " + WORK + " to the subscriber of " + IMPI)
                .contains("\"barred\" : true").contains("\"displayName\" : \"Work\"");
        assertThat(run(withTarget(target, "add-impu", IMPU, "--impu", "+15551230009"))).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("added public identity tel:+15551230009 to the subscriber of " + IMPU);
        assertThat(run(withTarget(target, "list"))).isZero();
        assertThat(out.toString()).contains(WORK + " (barred)").contains("tel:+15551230009");
        assertThat(run(withTarget(target, "remove-impu", IMPI, "tel:+15551230009"))).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("removed public identity tel:+15551230009 from the subscriber of " + IMPI
                + System.lineSeparator());

        assertThat(run(withTarget(target, "add-impi", IMPU, "--impi", TABLET, "--k", K, "--op", OP, "--sqn", "7")))
                .as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("added private identity " + TABLET + " to the subscriber of " + IMPU)
                .contains("\"hasAkaKeys\" : true").contains("\"sqn\" : 7");
        assertThat(run(withTarget(target, "show", TABLET))).isZero();
        assertThat(out.toString()).contains("\"subscriptionId\" : \"" + IMPI + "\"").contains(WORK);
        assertThat(run(withTarget(target, "remove-impi", IMPI, TABLET))).as(err.toString()).isZero();
        assertThat(out.toString()).isEqualTo("removed private identity " + TABLET + " from the subscriber of " + IMPI
                + System.lineSeparator());
        assertThat(run(withTarget(target, "show", TABLET))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber show: impi: no subscriber has identity " + TABLET);

        assertThat(runWithStdin("second-secret\r\n", withTarget(target, "add-impi", IMPI, "--impi", TABLET,
                "--password-stdin"))).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"hasDigestSecret\" : true");
        assertThat(runWithStdin("third-secret\n", withTarget(target, "update", TABLET, "--password-stdin")))
                .as(err.toString()).isZero();
    }

    @Test
    void identityCommandErrorsNameTheOptionOrParameter() throws Exception {
        List<String> target = runningCore();
        assertThat(runWithStdin(PASSWORD + "\n", withTarget(target, "add", "--impu", IMPU, "--impi", IMPI,
                "--password-stdin"))).as(err.toString()).isZero();
        String nobody = "nobody@ims.example.org";

        assertThat(run(withTarget(target, "add-impu", nobody, "--impu", WORK))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("osprey subscriber add-impu: <subscriber-impi>: no subscriber has identity "
                + nobody + System.lineSeparator());
        assertThat(run(withTarget(target, "add-impu", IMPI, "--impu", IMPU))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add-impu: --impu: public identity " + IMPU
                + " exists already");
        assertThat(run(withTarget(target, "add-impu", IMPI, "--impu", WORK, "--profile", "gold"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add-impu: --profile: service profile gold does not exist");
        assertThat(run(withTarget(target, "remove-impu", IMPI, IMPU))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber remove-impu: <impu>: public identity " + IMPU
                + " is the subscriber's last one");
        assertThat(run(withTarget(target, "remove-impu", IMPI, WORK))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber remove-impu: <impu>: subscriber " + IMPI
                + " has no public identity " + WORK);

        assertThat(run(withTarget(target, "add-impi", IMPI, "--impi", IMPI, "--password", "x1"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add-impi: --impi: private identity " + IMPI
                + " exists already");
        assertThat(run(withTarget(target, "add-impi", nobody, "--impi", TABLET, "--password", "x1"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add-impi: <subscriber-impi>: no subscriber has "
                + "identity " + nobody);
        assertThat(run(withTarget(target, "add-impi", IMPI, "--impi", TABLET, "--k", K.substring(1), "--op", OP)))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add-impi: --k: must be 32 hex digits");
        assertThat(run(withTarget(target, "add-impi", IMPI, "--impi", TABLET))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("osprey subscriber add-impi: give AKA keys (--k with --op or --opc) or a "
                + "password (--password or --password-stdin)" + System.lineSeparator());
        assertThat(run(withTarget(target, "add-impi", IMPI, "--password", "x1"))).isEqualTo(2);
        assertThat(err.toString()).contains("--impi");

        assertThat(run(withTarget(target, "remove-impi", IMPI, IMPI))).isEqualTo(1);
        assertThat(err.toString()).isEqualTo("osprey subscriber remove-impi: <impi>: private identity " + IMPI
                + " is the subscriber's last one; delete the subscriber instead" + System.lineSeparator());
        assertThat(run(withTarget(target, "remove-impi", IMPI, TABLET))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber remove-impi: <impi>: subscriber " + IMPI
                + " has no private identity " + TABLET);
        assertThat(run(withTarget(target, "remove-impi", nobody, TABLET))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber remove-impi: <subscriber-impi>: no subscriber has "
                + "identity " + nobody);
        assertThat(run(withTarget(target, "show", IMPI))).isZero();
        assertThat(out.toString()).contains(IMPU).doesNotContain(TABLET).doesNotContain(WORK);
    }

    @Test
    void passwordStdinIsExclusiveWithPasswordAndNeedsALine() throws Exception {
        List<String> target = runningCore();
        for (String command : List.of("add", "add-impi", "update")) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(switch (command) {
                case "add" -> List.of("--impi", IMPI, "--impu", IMPU);
                case "add-impi" -> List.of(IMPI, "--impi", TABLET);
                default -> List.of(IMPI);
            });
            args.addAll(List.of("--password", PASSWORD, "--password-stdin"));
            assertThat(runWithStdin(PASSWORD + "\n", withTarget(target, args.toArray(String[]::new))))
                    .as(command).isEqualTo(1);
            assertThat(err.toString()).as(command).isEqualTo("osprey subscriber " + command + ": --password-stdin: "
                    + "cannot be combined with --password; give one of them" + System.lineSeparator());
        }
        assertThat(runWithStdin("", withTarget(target, "add", "--impi", IMPI, "--impu", IMPU, "--password-stdin")))
                .isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add: --password-stdin: standard input is empty");
        assertThat(runWithStdin("\n" + PASSWORD + "\n", withTarget(target, "add", "--impi", IMPI, "--impu", IMPU,
                "--password-stdin"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add: --password-stdin: the first line of standard "
                + "input is empty");
        assertThat(run(withTarget(target, "add", "--impi", IMPI, "--impu", IMPU))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add: give AKA keys (--k with --op or --opc) or a "
                + "password (--password or --password-stdin)");
        assertThat(runWithStdin("x".repeat(200) + "\n", withTarget(target, "add", "--impi", IMPI, "--impu", IMPU,
                "--password-stdin"))).isEqualTo(1);
        assertThat(err.toString()).startsWith("osprey subscriber add: --password-stdin: is 200 characters, limit 128");
        assertThat(run(withTarget(target, "list"))).isZero();
        assertThat(out.toString()).contains("0-0 of 0 subscriber(s)");
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
