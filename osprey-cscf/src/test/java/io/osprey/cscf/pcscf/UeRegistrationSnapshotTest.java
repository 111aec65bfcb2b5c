package io.osprey.cscf.pcscf;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.transport.Source;
import io.osprey.sip.transport.TransportProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The P-CSCF's registration cache written when it stops and read when it starts again. */
class UeRegistrationSnapshotTest {

    private static final long NOW = 1_700_000_000_000L;
    private static final InetSocketAddress PCSCF = new InetSocketAddress("127.0.0.1", 5060);

    @TempDir
    Path dir;

    private static UeRegistration registration(TransportProtocol transport, InetSocketAddress remote, long expiresAt) {
        return new UeRegistration(List.of("sip:alice@ims.test", "tel:+15551230001"),
                List.of("<sip:orig@scscf.ims.test:6060;lr>", "<sip:as.ims.test;lr>"),
                Set.of("sip:alice@10.0.0.1:5060", "sip:alice@10.0.0.1:5062;ob"), new Source(transport, remote, PCSCF),
                expiresAt, null);
    }

    @Test
    void udpRegistrationsRoundTripWithAwkwardCharactersAndIpv6() throws IOException {
        UeRegistration alice = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.1", 40000),
                NOW + 600_000);
        // A display name with a comma, a tab and a per-cent sign: the characters the format itself uses.
        UeRegistration bob = new UeRegistration(List.of("sip:bob@ims.test"),
                List.of("\"S-CSCF, 50%\tof it\" <sip:orig@[2001:db8::6]:6060;lr>"), Set.of("sip:bob@[2001:db8::1]"),
                new Source(TransportProtocol.UDP, new InetSocketAddress("2001:db8::1", 5060),
                        new InetSocketAddress("::1", 5060)), NOW + 1, "bob@ims.test");
        Path file = dir.resolve("state/pcscf-registrations.txt");

        assertThat(UeRegistrationSnapshot.save(List.of(alice, bob), file, NOW)).isEqualTo(2);
        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(file, NOW);

        assertThat(Files.readAllLines(file).get(0)).isEqualTo(UeRegistrationSnapshot.HEADER);
        assertThat(loaded.problems()).isEmpty();
        assertThat(loaded.registrations()).hasSize(2);
        assertThat(loaded.registrations().get(0)).isEqualTo(alice);
        UeRegistration restoredBob = loaded.registrations().get(1);
        assertThat(restoredBob.serviceRoute()).isEqualTo(bob.serviceRoute());
        assertThat(restoredBob.source()).isEqualTo(bob.source());
        assertThat(restoredBob.contacts()).isEqualTo(bob.contacts());
        assertThat(restoredBob.expiresAtMillis()).isEqualTo(NOW + 1);
        assertThat(restoredBob.secAgreeKey()).as("security agreements are not kept").isNull();
    }

    @Test
    void registrationsOverConnectionsAndExpiredOnesAreNotWritten() throws IOException {
        UeRegistration udp = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.1", 40000), NOW + 1);
        UeRegistration tcp = registration(TransportProtocol.TCP, new InetSocketAddress("192.0.2.2", 40000), NOW + 1);
        UeRegistration tls = registration(TransportProtocol.TLS, new InetSocketAddress("192.0.2.3", 40000), NOW + 1);
        UeRegistration gone = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.4", 40000), NOW);
        Path file = dir.resolve("pcscf-registrations.txt");

        assertThat(UeRegistrationSnapshot.save(List.of(udp, tcp, tls, gone), file, NOW)).isEqualTo(1);

        assertThat(UeRegistrationSnapshot.load(file, NOW).registrations()).containsExactly(udp);
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void registrationsExpiredBeforeTheRestartAreDropped() throws IOException {
        UeRegistration shortLived = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.1", 40000),
                NOW + 5_000);
        UeRegistration longLived = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.2", 40000),
                NOW + 600_000);
        Path file = dir.resolve("pcscf-registrations.txt");
        UeRegistrationSnapshot.save(List.of(shortLived, longLived), file, NOW);

        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(file, NOW + 5_000);

        assertThat(loaded.registrations()).containsExactly(longLived);
        assertThat(loaded.expired()).isEqualTo(1);
        assertThat(loaded.skipped()).isZero();
    }

    @Test
    void malformedLinesAreSkippedNamingTheirLineNumbersAndTheRestIsRead() throws IOException {
        String good = UeRegistrationLine.format(registration(TransportProtocol.UDP,
                new InetSocketAddress("192.0.2.1", 40000), NOW + 600_000));
        String goodToo = UeRegistrationLine.format(registration(TransportProtocol.UDP,
                new InetSocketAddress("192.0.2.9", 40000), NOW + 600_000));
        String[] fields = good.split("\t");
        Path file = dir.resolve("pcscf-registrations.txt");
        Files.writeString(file, String.join("\n",
                UeRegistrationSnapshot.HEADER,
                good,                                                            // 2
                "only\ttwo",                                                     // 3
                good.replace("192.0.2.1:40000", "ue.example.com:40000"),         // 4: names are never resolved
                good.replace("192.0.2.1:40000", "192.0.2.1:70000"),              // 5
                with(fields, 3, "soon"),                                         // 6
                with(fields, 4, ""),                                             // 7
                with(fields, 6, "sip:alice@%zz"),                                // 8
                with(fields, 5, "<sip:orig@scscf"),                              // 9
                with(fields, 0, "SCTP"),                                         // 10
                with(fields, 0, "TCP"),                                          // 11
                "",                                                              // 12: blank lines are harmless
                "x".repeat(UeRegistrationSnapshot.MAX_LINE_CHARS + 1),           // 13
                goodToo + "\r"), StandardCharsets.UTF_8);                        // 14

        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(file, NOW);

        assertThat(loaded.registrations()).extracting(r -> r.source().remote().getHostString())
                .containsExactly("192.0.2.1", "192.0.2.9");
        assertThat(loaded.skipped()).isEqualTo(10);
        assertThat(loaded.problems()).hasSize(10);
        assertThat(loaded.problems().get(0)).startsWith("line 3: expected 7 tab-separated fields, found 2");
        assertThat(loaded.problems().get(1)).startsWith("line 4: remote 'ue.example.com:40000'");
        assertThat(loaded.problems().get(2)).startsWith("line 5: remote '192.0.2.1:70000'");
        assertThat(loaded.problems().get(3)).startsWith("line 6: expires-at 'soon'");
        assertThat(loaded.problems().get(4)).startsWith("line 7: associated-uris is empty");
        assertThat(loaded.problems().get(5)).startsWith("line 8: contacts has a malformed %-escape");
        assertThat(loaded.problems().get(6)).startsWith("line 9: service-route '<sip:orig@scscf'");
        assertThat(loaded.problems().get(7)).startsWith("line 10: transport 'SCTP'");
        assertThat(loaded.problems().get(8)).startsWith("line 11: a registration over TCP");
        assertThat(loaded.problems().get(9))
                .startsWith("line 13: longer than " + UeRegistrationSnapshot.MAX_LINE_CHARS);
    }

    @Test
    void manyBadLinesAreCountedButOnlyTheFirstAreKept() throws IOException {
        Path file = dir.resolve("pcscf-registrations.txt");
        Files.writeString(file, UeRegistrationSnapshot.HEADER + "\n" + "junk\n".repeat(1000));

        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(file, NOW);

        assertThat(loaded.skipped()).isEqualTo(1000);
        assertThat(loaded.problems()).hasSize(UeRegistrationSnapshot.MAX_PROBLEMS_KEPT);
    }

    @Test
    void anotherVersionOrFormatIsIgnoredAndAMissingFileRestoresNothing() throws IOException {
        String good = UeRegistrationLine.format(registration(TransportProtocol.UDP,
                new InetSocketAddress("192.0.2.1", 40000), NOW + 600_000));
        Path future = dir.resolve("future.txt");
        Files.writeString(future, "#osprey-pcscf-registrations 2\n" + good + "\n");
        Path headless = dir.resolve("headless.txt");
        Files.writeString(headless, good + "\n");
        Path empty = dir.resolve("empty.txt");
        Files.writeString(empty, "");

        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(future, NOW);
        assertThat(loaded.registrations()).isEmpty();
        assertThat(loaded.problems()).singleElement().asString().startsWith("line 1: not a P-CSCF registration");
        assertThat(UeRegistrationSnapshot.load(headless, NOW).registrations()).isEmpty();
        assertThat(UeRegistrationSnapshot.load(empty, NOW).registrations()).isEmpty();
        assertThat(UeRegistrationSnapshot.load(dir.resolve("absent.txt"), NOW).registrations()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8SpoilOnlyTheirLine() throws IOException {
        String good = UeRegistrationLine.format(registration(TransportProtocol.UDP,
                new InetSocketAddress("192.0.2.1", 40000), NOW + 600_000));
        Path file = dir.resolve("pcscf-registrations.txt");
        byte[] head = (UeRegistrationSnapshot.HEADER + "\n" + good + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = good.replace("192.0.2.1:40000", "192.0.2.1:4000\u00ff").getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[head.length + bad.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        Files.write(file, all);

        UeRegistrationSnapshot.Loaded loaded = UeRegistrationSnapshot.load(file, NOW);

        assertThat(loaded.registrations()).hasSize(1);
        assertThat(loaded.problems()).singleElement().asString().startsWith("line 3: remote");
    }

    @Test
    void savingReplacesTheOldSnapshot() throws IOException {
        UeRegistration first = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.1", 40000),
                NOW + 600_000);
        UeRegistration second = registration(TransportProtocol.UDP, new InetSocketAddress("192.0.2.2", 40000),
                NOW + 600_000);
        Path file = dir.resolve("pcscf-registrations.txt");
        UeRegistrationSnapshot.save(List.of(first), file, NOW);

        UeRegistrationSnapshot.save(List.of(second), file, NOW);

        assertThat(UeRegistrationSnapshot.load(file, NOW).registrations()).containsExactly(second);
        try (var files = Files.list(dir)) {
            assertThat(files).as("no temporary file is left behind").containsExactly(file);
        }
    }

    private static String with(String[] fields, int index, String value) {
        String[] copy = fields.clone();
        copy[index] = value;
        return String.join("\t", copy);
    }
}
