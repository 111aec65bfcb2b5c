package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.provisioning.NewSubscriber;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two digest UEs played by the real SIPp register through the P-CSCF, and one calls the other through the full
 * originating and terminating chain: P-CSCF → S-CSCF (orig) → I-CSCF (LIR) → S-CSCF (term) → P-CSCF → callee; the
 * ACK and BYE follow the Record-Route set back through the CSCFs.
 */
@Tag("e2e")
class ImsCallSippTest {

    @TempDir
    static Path dir;
    private static RunningCore core;

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir);
        for (String user : List.of("alice", "bob")) {
            core.provisioning().addSubscriber(NewSubscriber.of(user + "@" + RunningCore.DOMAIN,
                    "sip:" + user + "@" + RunningCore.DOMAIN).withPassword(user + "-secret"));
        }
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    @Test
    void registeredUeCallsAnotherThroughTheOriginatingAndTerminatingChain() throws Exception {
        Path sippBinary = ExternalPeers.require("sipp", "sip-tester");
        int calleePort = FreePorts.udpAndTcp();
        Path register = scenario("ims-register.xml");
        Path answer = scenario("ims-answer.xml");
        Path call = scenario("ims-register-call.xml");

        try (Sipp bobRegisters = sipp(sippBinary, "bob-register", register, credentials("bob"), calleePort)) {
            assertThat(bobRegisters.await(30)).as(bobRegisters.diagnostics()).isZero();
        }
        try (Sipp bobAnswers = new Sipp(sippBinary, dir, "bob-answer")
                .args("-sf", answer.toString(), "-i", "127.0.0.1", "-p", String.valueOf(calleePort), "-m", "1",
                        "-timeout", "30s", "-timeout_error")
                .start();
             Sipp aliceCalls = sipp(sippBinary, "alice-call", call, credentials("alice") + ";bob", FreePorts.udpAndTcp())) {
            int callerExit = aliceCalls.await(40);
            int calleeExit = bobAnswers.await(10);
            assertThat(callerExit).as("caller\n" + aliceCalls.diagnostics() + "\ncallee\n" + bobAnswers.diagnostics())
                    .isZero();
            assertThat(calleeExit).as(bobAnswers.diagnostics()).isZero();
        }
        assertThat(core.scscf().regEventSubscriptions())
                .as("the P-CSCF subscribed to the reg event of each UE it registered (TS 24.229 §5.2.3)")
                .isEqualTo(2);
        assertThat(core.scscfRegistrations().find("sip:alice@" + RunningCore.DOMAIN)).isPresent();
        assertThat(core.scscfRegistrations().find("sip:bob@" + RunningCore.DOMAIN)).isPresent();
    }

    private static Sipp sipp(Path binary, String name, Path scenario, String csvLine, int port) throws Exception {
        Path csv = dir.resolve(name + ".csv");
        Files.write(csv, List.of("SEQUENTIAL", csvLine), StandardCharsets.ISO_8859_1);
        return new Sipp(binary, dir, name).args("127.0.0.1:" + core.pcscfPort(), "-sf", scenario.toString(),
                "-inf", csv.toString(), "-auth_uri", RunningCore.DOMAIN, "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-timeout", "30s", "-timeout_error",
                "-default_behaviors", "all,-bye", "-trace_msg", "-message_file",
                dir.resolve(name + "-messages.log").toString()).start();
    }

    private static String credentials(String user) {
        return user + ";[authentication username=" + user + "@" + RunningCore.DOMAIN + " password=" + user + "-secret]";
    }

    private Path scenario(String name) throws Exception {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            Files.copy(getClass().getResourceAsStream("/sipp/" + name), file);
        }
        return file;
    }
}
