package io.osprey.diameter.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.peer.Peer;
import io.osprey.diameter.peer.PeerConfig;
import io.osprey.diameter.peer.PeerTimers;
import io.osprey.diameter.peer.WatchdogState;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability with freeDiameter (Debian package {@code freediameter}) on loopback: CER/CEA and DWR/DWA
 * complete both when freeDiameter connects to Osprey and when Osprey connects to freeDiameter. One daemon
 * serves both directions. Any received message restarts the watchdog timer (RFC 3539 §3.4.1), so on each
 * connection only the side with the shorter Tw sends DWRs: the accepting node uses 1 s and sends them, the
 * connecting node uses 30 s and answers freeDiameter's (its Tw is 6 s ± 2 s). Two DWRs in a row prove the
 * first was answered, as the sender suspects the connection instead of sending another. Takes up to about 18 s.
 * Skipped when the daemon is not installed, unless {@code OSPREY_REQUIRE_PEERS=true}.
 */
class FreeDiameterInteropTest {

    private static final String REALM = "interop.test";
    private static final String FD = "fd.interop.test";
    private static final String ACCEPTING = "osprey-a.interop.test";
    private static final String CONNECTING = "osprey-b.interop.test";

    @TempDir
    Path dir;
    private Process daemon;
    private DiameterNode accepting;
    private DiameterNode connecting;

    @AfterEach
    void stop() throws InterruptedException {
        if (connecting != null) {
            connecting.close();
        }
        if (accepting != null) {
            accepting.close();
        }
        if (daemon != null) {
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
    }

    @Test
    void capabilitiesAndWatchdogExchangesCompleteInBothDirections() throws Exception {
        Path executable = findDaemon();
        accepting = new DiameterNode(DiameterNodeConfig.builder(ACCEPTING, REALM)
                .listen(new InetSocketAddress("127.0.0.1", 0)).application(CxDictionary.APPLICATION)
                .unknownPeers(UnknownPeerPolicy.acceptOnly(List.of(FD))).timers(timers(1)).build());
        accepting.start();
        int fdPort = freePort();
        connecting = new DiameterNode(DiameterNodeConfig.builder(CONNECTING, REALM)
                .application(CxDictionary.APPLICATION).timers(timers(30))
                .peer(new PeerConfig(FD, REALM, "127.0.0.1", fdPort)).build());

        daemon = startDaemon(executable, fdPort, accepting.localPort(), freePort());
        connecting.start();

        Path log = dir.resolve("freeDiameterd.log");
        awaitPeer(accepting, "freeDiameter connected to Osprey and answered two of its DWRs", log,
                peer -> peer.state().isOpen() && peer.dwaReceived() >= 2);
        awaitPeer(connecting, "Osprey connected to freeDiameter and answered two of its DWRs", log,
                peer -> peer.state().isOpen() && peer.dwrReceived() >= 2);

        for (DiameterNode node : List.of(accepting, connecting)) {
            Peer fd = node.peer(FD).orElseThrow();
            assertThat(fd.watchdogState()).isEqualTo(WatchdogState.OKAY);
            assertThat(fd.capabilities().orElseThrow().productName()).containsIgnoringCase("freeDiameter");
            assertThat(fd.capabilities().orElseThrow().relay()).isTrue();
        }
        assertThat(daemon.isAlive()).as("freeDiameterd still running; log:%n%s", tail(log)).isTrue();
    }

    /** Tw of {@code watchdogSeconds} without jitter; quick reconnects. */
    private static PeerTimers timers(int watchdogSeconds) {
        return new PeerTimers(Duration.ofSeconds(watchdogSeconds), Duration.ZERO, Duration.ofMillis(500),
                Duration.ofSeconds(2), Duration.ofSeconds(3));
    }

    private static Path findDaemon() {
        for (String name : List.of("freeDiameterd", "freediameterd")) {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        String message = "freediameterd not installed (Debian package freediameter)";
        if ("true".equals(System.getenv("OSPREY_REQUIRE_PEERS"))) {
            throw new AssertionError(message + ", but OSPREY_REQUIRE_PEERS=true");
        }
        Assumptions.abort(message);
        return null;
    }

    /**
     * freeDiameter listening on {@code fdPort}, connecting to the accepting node, and knowing the connecting node
     * at {@code deadPort}, where nobody listens, so that node's own connection is the one used.
     */
    private Process startDaemon(Path executable, int fdPort, int acceptingPort, int deadPort) throws Exception {
        writeTlsCredentials();
        String conf = """
                Identity = "%s";
                Realm = "%s";
                Port = %d;
                SecPort = 0;
                No_SCTP;
                No_IPv6;
                ListenOn = "127.0.0.1";
                TwTimer = 6;
                TcTimer = 1;
                TLS_Cred = "%s", "%s";
                TLS_CA = "%s";
                ConnectPeer = "%s" { ConnectTo = "127.0.0.1"; Port = %d; No_TLS; };
                ConnectPeer = "%s" { ConnectTo = "127.0.0.1"; Port = %d; No_TLS; TcTimer = 60; };
                """.formatted(FD, REALM, fdPort, dir.resolve("cert.pem"), dir.resolve("key.pem"), dir.resolve("cert.pem"),
                ACCEPTING, acceptingPort, CONNECTING, deadPort);
        Path confFile = dir.resolve("freeDiameter.conf");
        Files.writeString(confFile, conf);
        Process process = new ProcessBuilder(executable.toString(), "-c", confFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("freeDiameterd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("freeDiameterd exited with " + process.exitValue() + ":\n"
                        + tail(dir.resolve("freeDiameterd.log")));
            }
            try (Socket probe = new Socket("127.0.0.1", fdPort)) {
                return process;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("freeDiameterd did not listen on " + fdPort + ":\n" + tail(dir.resolve("freeDiameterd.log")));
    }

    /** freeDiameter insists on TLS credentials even when no connection uses TLS: a self-signed pair. */
    private void writeTlsCredentials() throws Exception {
        TestCertificates.writePem(TestCertificates.keyStore(dir, FD), dir.resolve("key.pem"), dir.resolve("cert.pem"));
    }

    private static void awaitPeer(DiameterNode node, String what, Path log, Predicate<Peer> condition) {
        try {
            TestNodes.await(what, Duration.ofSeconds(20),
                    () -> node.peer(FD).map(condition::test).orElse(false));
        } catch (AssertionError e) {
            Optional<Peer> peer = node.peer(FD);
            throw new AssertionError(e.getMessage() + "; peer " + peer.map(p -> p + " dwr=" + p.dwrReceived() + " dwa="
                    + p.dwaReceived()).orElse("unknown") + "\nfreeDiameterd log:\n" + tail(log), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
