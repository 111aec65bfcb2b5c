package io.osprey.ue;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds real peers (SIPp) for end-to-end tests: skips the test naming the Debian package when the tool is absent,
 * unless {@code OSPREY_REQUIRE_PEERS=true}, which turns the absence into a failure.
 */
final class ExternalPeers {

    private ExternalPeers() {
    }

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
