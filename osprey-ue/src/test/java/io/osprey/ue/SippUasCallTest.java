package io.osprey.ue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.transport.TransportProtocol;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The UE calls the real SIPp running its built-in UAS scenario ({@code -sn uas}): INVITE, 180, 200, ACK, BYE. */
class SippUasCallTest {

    @Test
    void ueCallsSippUasAndHangsUp(@TempDir Path work) throws Exception {
        Path sipp = ExternalPeers.require("sipp", "sip-tester");
        int port = FreePorts.udpAndTcp(Loopback.ADDRESS);
        List<String> command = List.of(sipp.toString(), "-sn", "uas", "-i", "127.0.0.1", "-p",
                Integer.toString(port), "-m", "1", "-nostdin", "-timeout", "30s", "-timeout_error",
                "-trace_err", "-error_file", work.resolve("errors.log").toString());
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("out.log").toFile()).start();
        try (UserEquipment ue = UserEquipment.start(Loopback.config("alice", UeCredentials.password("x"),
                new InetSocketAddress(Loopback.ADDRESS, port), TransportProtocol.UDP).build())) {
            Call call = ue.call("sip:service@127.0.0.1:" + port).get(20, SECONDS);
            assertThat(call.statusCode()).as(diagnostics(work)).isEqualTo(200);
            assertThat(call.isEstablished()).isTrue();
            assertThat(call.postDialDelay()).isNotNull();
            assertThat(call.setupTime()).isGreaterThanOrEqualTo(call.postDialDelay());
            assertThat(Loopback.eventually(java.time.Duration.ofSeconds(5),
                    () -> call.rtpStats().packetsSent() >= 10)).as("RTP sent to SIPp's media port").isTrue();
            assertThat(call.hangup().get(20, SECONDS)).isEqualTo(200);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("SIPp exits").isTrue();
            assertThat(process.exitValue()).as("SIPp exit code (0: the call succeeded)\n" + diagnostics(work))
                    .isZero();
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static String diagnostics(Path work) {
        StringBuilder out = new StringBuilder();
        for (String name : List.of("out.log", "errors.log")) {
            try {
                Path file = work.resolve(name);
                if (Files.exists(file)) {
                    String text = Files.readString(file, StandardCharsets.ISO_8859_1);
                    out.append("--- ").append(name).append(" ---\n")
                            .append(text.length() > 4000 ? text.substring(text.length() - 4000) : text);
                }
            } catch (java.io.IOException e) {
                out.append("(cannot read ").append(name).append(")");
            }
        }
        return out.toString();
    }
}
