package io.osprey.server.role;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code osprey run proxy} with a static route, driven by the real SIPp: a UAC places calls through the proxy to a
 * SIPp UAS (INVITE, 100/180/200, ACK, BYE, 200). Once on a clean loopback, once with SIPp dropping 10% of the
 * messages it sends and receives at both ends, so only retransmissions (SIPp's and the proxy's RFC 3261 §17
 * timers) can carry every call through. Zero failed calls either way.
 */
@Tag("e2e")
class ProxySippEndToEndTest {

    /** SIPp's logs stay behind when a test fails, for diagnosis. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    @Test
    void thousandsOfCallsThroughTheProxyWithNoFailures() throws Exception {
        runCalls(3000, 300, 0);
    }

    @Test
    void everyCallCompletesWithTenPercentLossAtBothEnds() throws Exception {
        runCalls(1000, 100, 10);
    }

    private Path copyResource(String name) throws java.io.IOException {
        Path target = work.resolve(Path.of(name).getFileName());
        try (var in = getClass().getClassLoader().getResourceAsStream(name)) {
            java.nio.file.Files.copy(java.util.Objects.requireNonNull(in, name), target);
        }
        return target;
    }

    private void runCalls(int calls, int rate, int lossPercent) throws Exception {
        Path sipp = ExternalPeers.require("sipp", "sip-tester");
        int proxyPort = FreePorts.udpAndTcp();
        int uasPort = FreePorts.udpAndTcp();
        int uacPort = FreePorts.udpAndTcp();
        OspreyConfig config = new ConfigLoader().parse("""
                proxy:
                  listen: 127.0.0.1
                  port: %d
                  routes:
                    - match: "*"
                      to: 127.0.0.1:%d
                """.formatted(proxyPort, uasPort));
        // Under loss, both ends retransmit for as long as RFC 3261 timers B/F/H allow (64*T1: about ten
        // retransmissions), not SIPp's shorter defaults (5 for INVITE, 7 for others).
        String[] loss = lossPercent > 0
                ? new String[] {"-lost", Integer.toString(lossPercent), "-max_invite_retrans", "10",
                        "-max_non_invite_retrans", "10"}
                : new String[0];
        try (ProxyRole proxy = new ProxyRole(config);
             Sipp uas = new Sipp(sipp, work, "uas");
             Sipp uac = new Sipp(sipp, work, "uac")) {
            proxy.start();
            Path uasScenario = lossPercent > 0 ? copyResource("sipp/uas-lossy.xml") : null;
            uas.args(uasScenario == null ? new String[] {"-sn", "uas"}
                            : new String[] {"-sf", uasScenario.toString(), "-default_behaviors", "all,-abortunexp"})
                    .args("-i", "127.0.0.1", "-p", Integer.toString(uasPort), "-m", Integer.toString(calls))
                    .args(loss).start();
            Thread.sleep(300);
            Path uacScenario = lossPercent > 0 ? copyResource("sipp/uac-lossy.xml") : null;
            uac.args(uacScenario == null ? new String[] {"-sn", "uac"} : new String[] {"-sf", uacScenario.toString()})
                    .args("127.0.0.1:" + proxyPort, "-i", "127.0.0.1", "-p", Integer.toString(uacPort),
                            "-m", Integer.toString(calls), "-r", Integer.toString(rate), "-l", "2000",
                            "-timeout", "300s", "-timeout_error", "-max_recv_loops", "100000")
                    .args(loss).start();

            int uacExit = uac.await(300);
            int uasExit = uas.await(120);

            assertThat(uac.counter("FailedCall(C)")).as("failed calls at the UAC\n" + uac.diagnostics()).isZero();
            assertThat(uac.counter("SuccessfulCall(C)")).as("successful calls\n" + uac.diagnostics()).isEqualTo(calls);
            assertThat(uacExit).as("SIPp UAC exit code\n" + uac.diagnostics()).isZero();
            assertThat(uas.counter("FailedCall(C)")).as("failed calls at the UAS\n" + uas.diagnostics()).isZero();
            assertThat(uasExit).as("SIPp UAS exit code\n" + uas.diagnostics()).isZero();
            assertThat(proxy.proxy().stats().forwardedRequests()).isGreaterThanOrEqualTo(2L * calls);
        }
    }
}
