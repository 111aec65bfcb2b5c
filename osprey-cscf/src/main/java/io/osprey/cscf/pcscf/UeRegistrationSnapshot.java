package io.osprey.cscf.pcscf;

import io.osprey.sip.transport.TransportProtocol;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P-CSCF's registration cache written to a file when it stops and read back when it starts, so a UE still
 * registered at its S-CSCF is not refused with 403 after a restart (TS 24.229 §5.2.6.3.1). A header line naming the
 * format and its version, then one {@link UeRegistrationLine} per registration.
 *
 * <p>Only registrations over UDP are kept. One over TCP, TLS or WebSocket is bound to its connection (RFC 3261
 * §18; RFC 5626 calls it a flow), and the connection ends with the process: the UE comes back on a new one, from
 * another port, and registers anew, while a restored entry would only send requests for the UE to a port nobody
 * listens on.
 *
 * <p>Reading is forgiving, since a snapshot is a cache and never worth a failed start: a registration already
 * expired is dropped, a malformed or overlong line is skipped with a warning naming its line number, and a file of
 * another format or version is ignored as a whole. Lines are bounded ({@link #MAX_LINE_CHARS}) both ways.
 */
final class UeRegistrationSnapshot {

    /** The first line: format and version. A change of the line format takes a new version. */
    static final String HEADER = "#osprey-pcscf-registrations 1";
    /** Longest line written or read; far above a registration with a dozen identities. */
    static final int MAX_LINE_CHARS = 16 * 1024;
    /** Problems kept and logged one by one; past this many only their number is. */
    static final int MAX_PROBLEMS_KEPT = 20;
    private static final Logger LOG = LoggerFactory.getLogger(UeRegistrationSnapshot.class);

    /**
     * What a snapshot held.
     *
     * @param registrations the registrations still live
     * @param expired       how many had expired by the time they were read
     * @param skipped       how many lines were skipped as malformed, overlong or over a connection
     * @param problems      the first {@link #MAX_PROBLEMS_KEPT} of those, each naming its line ("line 7: ..."), or
     *                      why the whole file was ignored
     */
    record Loaded(List<UeRegistration> registrations, int expired, int skipped, List<String> problems) {

        Loaded {
            registrations = List.copyOf(registrations);
            problems = List.copyOf(problems);
        }
    }

    private UeRegistrationSnapshot() {
    }

    /**
     * Writes the UDP registrations of {@code registrations} still live at {@code nowMillis} atomically (a temporary
     * file moved over the old one).
     *
     * @return how many were written
     */
    static int save(Collection<UeRegistration> registrations, Path file, long nowMillis) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temporary = Files.createTempFile(parent, "pcscf-registrations", ".tmp");
        int written = 0;
        int connectionBound = 0;
        try {
            try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                out.write(HEADER);
                out.newLine();
                for (UeRegistration registration : registrations) {
                    if (registration.expiresAtMillis() <= nowMillis) {
                        continue;
                    }
                    if (registration.source().transport() != TransportProtocol.UDP) {
                        connectionBound++;
                        continue;
                    }
                    String line = line(registration);
                    if (line != null) {
                        out.write(line);
                        out.newLine();
                        written++;
                    }
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
        if (connectionBound > 0) {
            LOG.info("{} registration(s) over TCP, TLS or WebSocket not kept in {}: their connections end with the "
                    + "process", connectionBound, file);
        }
        return written;
    }

    private static String line(UeRegistration registration) {
        String line;
        try {
            line = UeRegistrationLine.format(registration);
        } catch (IllegalArgumentException unwritable) {
            LOG.warn("registration from {} not kept: {}", registration.source().remote(), unwritable.getMessage());
            return null;
        }
        if (line.length() > MAX_LINE_CHARS) {
            LOG.warn("registration from {} not kept: its line would have {} characters, more than {}",
                    registration.source().remote(), line.length(), MAX_LINE_CHARS);
            return null;
        }
        return line;
    }

    /** The registrations in {@code file} still live at {@code nowMillis}; none when there is no file. */
    static Loaded load(Path file, long nowMillis) throws IOException {
        Reading reading = new Reading(file);
        // A decoder that replaces bad bytes: a damaged line then fails to parse and is skipped, not the whole file.
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            BoundedLineReader in = new BoundedLineReader(reader, MAX_LINE_CHARS);
            String header = in.next();
            if (header == null) {
                return reading.result();
            }
            if (!HEADER.equals(header)) {
                reading.skip("line 1: not a P-CSCF registration snapshot of version 1 (expected '" + HEADER
                        + "'); the file is ignored");
                return reading.result();
            }
            String line;
            while ((line = in.next()) != null) {
                if (in.wasTooLong()) {
                    reading.skip("line " + in.lineNumber() + ": longer than " + MAX_LINE_CHARS
                            + " characters; skipped");
                } else if (!line.isEmpty()) {
                    reading.add(in.lineNumber(), line, nowMillis);
                }
            }
        } catch (NoSuchFileException absent) {
            return new Loaded(List.of(), 0, 0, List.of());
        }
        return reading.result();
    }

    /** What reading a snapshot has found so far. */
    private static final class Reading {

        private final Path file;
        private final List<UeRegistration> live = new ArrayList<>();
        private final List<String> problems = new ArrayList<>();
        private int expired;
        private int skipped;

        Reading(Path file) {
            this.file = file;
        }

        void add(int number, String line, long nowMillis) {
            UeRegistration registration;
            try {
                registration = UeRegistrationLine.parse(line);
            } catch (IllegalArgumentException malformed) {
                skip("line " + number + ": " + malformed.getMessage() + "; skipped");
                return;
            }
            if (registration.source().transport() != TransportProtocol.UDP) {
                skip("line " + number + ": a registration over " + registration.source().transport()
                        + " is bound to a connection that no longer exists; skipped");
            } else if (registration.expiresAtMillis() <= nowMillis) {
                expired++;
            } else {
                live.add(registration);
            }
        }

        void skip(String problem) {
            skipped++;
            if (problems.size() < MAX_PROBLEMS_KEPT) {
                problems.add(problem);
                LOG.warn("{} {}", file, problem);
            }
        }

        Loaded result() {
            if (skipped > problems.size()) {
                LOG.warn("{}: {} more line(s) skipped", file, skipped - problems.size());
            }
            return new Loaded(live, expired, skipped, problems);
        }
    }
}
