package io.osprey.server.cli;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.transport.TransportProtocol;
import io.osprey.ue.AnswerMode;
import io.osprey.ue.Call;
import io.osprey.ue.ReceivedMessage;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import io.osprey.ue.UserEquipment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class UeCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = OspreyCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void helpListsTheSubcommands() {
        assertThat(run("ue", "--help")).isZero();
        assertThat(out.toString()).contains("register").contains("call").contains("message")
                .contains("subscribe-reg");
        assertThat(run("ue", "call", "--help")).isZero();
        assertThat(out.toString()).contains("--duration").contains("--pcscf").contains("--opc");
    }

    @Test
    void missingCredentialsAreAUsageError() {
        assertThat(run("ue", "register", "--impi", "alice@ims.test")).isEqualTo(2);
        assertThat(err.toString()).contains("--k").contains("--password");
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption() {
        assertThat(run("ue", "register", "--impi", "alice@ims.test", "--password", "x", "--pcscf", "nowhere"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--pcscf must be host:port");
        assertThat(run("ue", "register", "--impi", "alice@ims.test", "--k", "zz", "--op", "00")).isEqualTo(2);
        assertThat(err.toString()).contains("--k must be hex digits");
        assertThat(run("ue", "call", "--impi", "alice@ims.test", "--password", "x")).isEqualTo(2);
        assertThat(err.toString()).contains("Missing required parameter").contains("<target>");
        assertThat(run("ue", "call", "bob", "--impi", "alice@ims.test", "--password", "x", "--duration", "soon"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("not a duration");
    }

    @Test
    void callAndMessageAnotherUeDirectly() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        UeConfig bobConfig = UeConfig.builder("bob@ims.test", "sip:bob@ims.test", "ims.test",
                        UeCredentials.password("x"))
                .pcscf(new InetSocketAddress(loopback, 9)).transport(TransportProtocol.UDP).toneHz(880).build();
        try (UserEquipment bob = UserEquipment.start(bobConfig)) {
            bob.answerMode(AnswerMode.autoAnswer(Duration.ZERO));
            String pcscf = "127.0.0.1:" + bob.localSipAddress().getPort();

            assertThat(run("ue", "call", bob.contactUri(), "--duration", "1s", "--no-register", "--impi",
                    "alice@ims.test", "--password", "x", "--pcscf", pcscf)).as(err.toString()).isZero();
            assertThat(out.toString()).contains("INVITE " + bob.contactUri() + ": 200 OK")
                    .contains("post-dial delay").contains("setup time").contains("BYE: 200")
                    .containsPattern("RTP sent [1-9]\\d*, received [1-9]\\d*, lost \\d+, jitter");
            Call atBob = bob.incomingCalls().poll(5, SECONDS);
            assertThat(atBob).isNotNull();
            atBob.ended().get(5, SECONDS);

            assertThat(run("ue", "message", bob.contactUri(), "hello from the CLI", "--no-register", "--impi",
                    "alice@ims.test", "--password", "x", "--pcscf", pcscf)).isZero();
            assertThat(out.toString()).contains("MESSAGE " + bob.contactUri() + ": 200");
            ReceivedMessage message = bob.messages().poll(5, SECONDS);
            assertThat(message.text()).isEqualTo("hello from the CLI");
        }
    }

    @Test
    void theShellCallsCancelsHangsUpSendsAMessageAndNamesWhatItCannotDo(@TempDir Path tmp) throws Exception {
        UeConfig bobConfig = UeConfig.builder("bob@ims.test", "sip:bob@ims.test", "ims.test",
                        UeCredentials.password("x"))
                .pcscf(new InetSocketAddress(InetAddress.getLoopbackAddress(), 9)).transport(TransportProtocol.UDP)
                .build();
        try (UserEquipment bob = UserEquipment.start(bobConfig)) {
            bob.answerMode(AnswerMode.autoAnswer(Duration.ofMillis(700)));
            String target = bob.contactUri();
            Path script = tmp.resolve("commands.txt");
            Files.writeString(script, String.join("\n", "# cancelled while it rings",
                    "call " + target, "hangup", "# answered, then hung up", "call " + target, "wait 1500ms",
                    "status", "hangup", "message " + target + " hello from the shell", "bogus", "call",
                    "wait soon", "quit", "status"));

            assertThat(run("ue", "shell", "--script", script.toString(), "--no-register", "--impi",
                    "alice@ims.test", "--password", "x", "--pcscf", "127.0.0.1:" + bob.localSipAddress().getPort()))
                    .as("three commands fail").isEqualTo(1);

            assertThat(out.toString()).contains("ringing (post-dial delay")
                    .contains("INVITE " + target + ": 487").contains("INVITE " + target + ": 200 OK")
                    .contains("outgoing call with " + target + ": established").contains("hangup: 200")
                    .containsPattern("RTP sent [1-9]\\d*, received [1-9]\\d*")
                    .contains("MESSAGE " + target + ": 200").contains("unknown command 'bogus'")
                    .contains("usage: call <target>").contains("'soon' is not a duration")
                    .doesNotContain("not registered\nno call");
            assertThat(bob.messages().poll(5, SECONDS).text()).isEqualTo("hello from the shell");
        }
    }

    @Test
    void registrationWithoutAnAnswerFailsWithExitStatus1() {
        assertThat(run("ue", "register", "--impi", "alice@ims.test", "--password", "x", "--pcscf",
                "127.0.0.1:9", "--transport", "tcp")).isEqualTo(1);
        assertThat(out.toString()).contains("REGISTER: 503");
    }
}
