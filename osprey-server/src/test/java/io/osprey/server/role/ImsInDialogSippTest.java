package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In-dialog requests and SIP extensions through the full IMS chain (TS 24.229 §5.2–§5.4, TS 23.228 §5.4.5):
 * two digest UEs played by the real SIPp register through the P-CSCF, and one calls the other along P-CSCF →
 * S-CSCF (orig) → I-CSCF (LIR) → S-CSCF (term) → P-CSCF. The scenarios (resources/sipp/ims-dialog-*.xml,
 * ims-422-*.xml) check at each end that what the CSCFs must pass through arrives unchanged: 100rel with RSeq and
 * RAck (RFC 3262), session timer header fields (RFC 4028), UPDATE (RFC 3311), re-INVITE in both directions, INFO
 * (RFC 6086), MESSAGE (RFC 3428), REFER and its NOTIFY (RFC 3515), and the caller's P-Asserted-Identity at the callee.
 */
@Tag("e2e")
class ImsInDialogSippTest {

    @TempDir
    static Path dir;
    private static RunningCore core;
    private static DigestSippUes ues;

    @BeforeAll
    static void startCore() throws Exception {
        core = RunningCore.start(dir);
        // each test has its own pair: a registration left by one test would make the S-CSCF fork the other's calls
        // to a contact nobody answers any more
        ues = new DigestSippUes(core, dir).provision("alice", "bob", "carol", "dave");
    }

    @AfterAll
    static void stopCore() {
        if (core != null) {
            core.close();
        }
    }

    /**
     * INVITE with 100rel and a session timer, reliable 183 with early media, PRACK, 180, 200, ACK, UPDATE,
     * re-INVITE, INFO, MESSAGE, REFER with the callee's NOTIFY back, the callee's own re-INVITE, BYE: all along the
     * Record-Route set, in both directions.
     */
    @Test
    void inDialogRequestsAndExtensionsCrossTheChainUnchanged() throws Exception {
        call("dialog", "alice", "bob", "ims-dialog-call.xml", "ims-dialog-answer.xml");
    }

    /** RFC 4028 §6: the callee's 422 with its Min-SE reaches the caller intact; the retry with that interval works. */
    @Test
    void sessionIntervalTooSmallGoesBackToTheCallerIntact() throws Exception {
        call("timer", "carol", "dave", "ims-422-call.xml", "ims-422-answer.xml");
    }

    /**
     * The callee registers, then answers with {@code answerScenario} while the caller registers and calls it with
     * {@code callScenario}; both SIPp processes must end with exit status 0 (every check in the scenarios passed).
     */
    private void call(String name, String callerUser, String calleeUser, String callScenario, String answerScenario)
            throws Exception {
        Path sippBinary = ExternalPeers.require("sipp", "sip-tester");
        int calleePort = FreePorts.udpAndTcp();
        try (Sipp calleeRegisters = ues.start(sippBinary, name + "-callee-register", ues.scenario("ims-register.xml"),
                DigestSippUes.credentials(calleeUser), calleePort)) {
            assertThat(calleeRegisters.await(30)).as(calleeRegisters.diagnostics()).isZero();
        }
        String caller = name + "-caller";
        String callee = name + "-callee";
        try (Sipp answers = new Sipp(sippBinary, dir, callee)
                .args("-sf", ues.scenario(answerScenario).toString(), "-i", "127.0.0.1", "-p",
                        String.valueOf(calleePort), "-m", "1", "-timeout", "30s", "-timeout_error", "-trace_msg",
                        "-message_file", ues.messageLog(callee).toString())
                .start();
             Sipp calls = ues.start(sippBinary, caller, ues.scenario(callScenario),
                     DigestSippUes.credentials(callerUser) + ";" + calleeUser, FreePorts.udpAndTcp())) {
            int callerExit = calls.await(40);
            int calleeExit = answers.await(10);
            String diagnostics = "caller\n" + calls.diagnostics() + ues.messages(caller) + "\ncallee\n"
                    + answers.diagnostics() + ues.messages(callee);
            assertThat(callerExit).as(diagnostics).isZero();
            assertThat(calleeExit).as(diagnostics).isZero();
        }
    }
}
