package io.osprey.server.role;

import io.osprey.hss.provisioning.NewSubscriber;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Digest subscribers played by the real SIPp against a {@link RunningCore}: user {@code u} is IMPI
 * {@code u@ims.test}, IMPU {@code sip:u@ims.test}, password {@code u-secret}. Scenarios come from the test
 * resources' {@code sipp/} folder; every SIPp keeps a message log in the work folder for failure messages.
 */
final class DigestSippUes {

    private final RunningCore core;
    private final Path dir;

    DigestSippUes(RunningCore core, Path dir) {
        this.core = core;
        this.dir = dir;
    }

    /** Provisions {@code users} as digest subscribers. */
    DigestSippUes provision(String... users) {
        for (String user : users) {
            core.provisioning().addSubscriber(NewSubscriber.of(user + "@" + RunningCore.DOMAIN,
                    "sip:" + user + "@" + RunningCore.DOMAIN).withPassword(user + "-secret"));
        }
        return this;
    }

    /** SIPp's injection-file fields for {@code user}: the user part, then the digest credentials. */
    static String credentials(String user) {
        return user + ";[authentication username=" + user + "@" + RunningCore.DOMAIN + " password=" + user
                + "-secret]";
    }

    /** Starts SIPp as a UE towards the P-CSCF, one call of {@code scenario} with {@code csvLine} as its fields. */
    Sipp start(Path binary, String name, Path scenario, String csvLine, int port) throws IOException {
        Path csv = dir.resolve(name + ".csv");
        Files.write(csv, List.of("SEQUENTIAL", csvLine), StandardCharsets.ISO_8859_1);
        return new Sipp(binary, dir, name).args("127.0.0.1:" + core.pcscfPort(), "-sf", scenario.toString(),
                "-inf", csv.toString(), "-auth_uri", RunningCore.DOMAIN, "-i", "127.0.0.1",
                "-p", String.valueOf(port), "-m", "1", "-timeout", "30s", "-timeout_error",
                "-default_behaviors", "all,-bye", "-trace_msg", "-message_file", messageLog(name).toString()).start();
    }

    /** The scenario file {@code name} from the test resources, copied into the work folder. */
    Path scenario(String name) throws IOException {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            try (InputStream in = DigestSippUes.class.getResourceAsStream("/sipp/" + name)) {
                if (in == null) {
                    throw new IOException("no SIPp scenario " + name + " in the test resources");
                }
                Files.copy(in, file);
            }
        }
        return file;
    }

    /** Where SIPp {@code name} logs the messages it sent and received ({@code -trace_msg}). */
    Path messageLog(String name) {
        return dir.resolve(name + "-messages.log");
    }

    /** The last part of SIPp {@code name}'s message log, for failure messages; empty when there is none. */
    String messages(String name) throws IOException {
        Path log = messageLog(name);
        if (!Files.exists(log)) {
            return "";
        }
        String text = Files.readString(log, StandardCharsets.ISO_8859_1);
        return "--- " + log.getFileName() + " ---\n" + (text.length() > 20000 ? text.substring(text.length() - 20000)
                : text) + "\n";
    }
}
