package io.osprey.server.role;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds real peers (SIPp, tshark, …) for end-to-end tests. On a developer machine without the tool the test is
 * skipped with a message naming the package to install; when {@code OSPREY_REQUIRE_PEERS=true} (set by
 * {@code .ci/run}) a missing tool fails the test instead, so a skip can never hide a failure in CI.
 */
final class ExternalPeers {

    private ExternalPeers() {
    }

    /** The absolute path of {@code tool} on the PATH; skips or fails (see class doc) when it is absent. */
    static Path require(String tool, String debianPackage) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = tool + " is not installed (Debian package " + debianPackage + ")";
        if (Boolean.parseBoolean(System.getenv("OSPREY_REQUIRE_PEERS"))) {
            fail(message + ", and OSPREY_REQUIRE_PEERS=true requires it");
        }
        Assumptions.abort("skipped: " + message);
        throw new AssertionError("unreachable");
    }
}
