package io.osprey.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class OspreyCliTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = OspreyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("version")).isZero();
        assertThat(out.toString()).startsWith("osprey 0.").contains("Java ");
    }

    @Test
    void configCheckAcceptsAGoodFileAndNamesTheBadKeyOtherwise(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.yaml"), "proxy:\n  port: 5070\n");
        assertThat(run("config", "check", "-c", good.toString())).isZero();
        assertThat(out.toString()).contains("OK").contains(":5070");

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "proxy:\n  port: 0\n");
        assertThat(run("config", "check", "--config", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("proxy.port: 0 is out of range; expected 1..65535");
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        assertThat(run("fly")).isEqualTo(2);
        assertThat(err.toString()).contains("Unmatched argument").contains("fly");
    }
}
