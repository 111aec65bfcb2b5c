package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    private static DigestSippUes ues;

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir);
        ues = new DigestSippUes(core, dir).provision("alice", "bob");
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
        Path register = ues.scenario("ims-register.xml");
        Path answer = ues.scenario("ims-answer.xml");
        Path call = ues.scenario("ims-register-call.xml");

        try (Sipp bobRegisters = ues.start(sippBinary, "bob-register", register, DigestSippUes.credentials("bob"),
                calleePort)) {
            assertThat(bobRegisters.await(30)).as(bobRegisters.diagnostics()).isZero();
        }
        try (Sipp bobAnswers = new Sipp(sippBinary, dir, "bob-answer")
                .args("-sf", answer.toString(), "-i", "127.0.0.1", "-p", String.valueOf(calleePort), "-m", "1",
                        "-timeout", "30s", "-timeout_error")
                .start();
             Sipp aliceCalls = ues.start(sippBinary, "alice-call", call, DigestSippUes.credentials("alice") + ";bob",
                     FreePorts.udpAndTcp())) {
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
}
