package io.osprey.cscf.registrar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registrations written when the S-CSCF stops and read when it starts again. */
class RegistrationSnapshotTest {

    private static final long NOW = 1_700_000_000_000L;

    @TempDir
    Path dir;

    @Test
    void registrationsRoundTripAndExpiredContactsAreLeftBehind() throws IOException {
        Binding live = new Binding("sip:alice@192.0.2.1:5060;transport=tcp", List.of("<sip:term@p, x;lr>",
                "<sip:b;lr>"), NOW + 60_000, 0.7f, "urn:uuid:00000000-0000-1000-8000-000A95A0E128", "1", "c\t1", 9);
        Binding expired = new Binding("sip:alice@192.0.2.2", List.of(), NOW - 1, 1.0f, null, null, "c2", 3);
        ImsSubscription data = new ImsSubscription(new Impi("alice@ims.test"), List.of(new ServiceProfile(
                List.of(PublicIdentity.of(new Impu("sip:alice@ims.test"))), Optional.empty(), List.of(), List.of())));
        Registration alice = new Registration("alice@ims.test", "sip:alice@ims.test",
                List.of("sip:alice@ims.test", "tel:+15551230001"), List.of("sip:alice@ims.test"),
                List.of(live, expired), data, "aaa://ccf.ims.test");
        Registration gone = new Registration("bob@ims.test", "sip:bob@ims.test", List.of("sip:bob@ims.test"),
                List.of("sip:bob@ims.test"), List.of(expired), null, null);
        Path file = dir.resolve("state/registrations.txt");

        RegistrationSnapshot.save(List.of(alice, gone), file);
        List<Registration> loaded = RegistrationSnapshot.load(file, NOW);

        assertThat(loaded).containsExactly(alice.withBindings(List.of(live)));
    }

    @Test
    void missingFileMeansNoRegistrationsAndACorruptOneIsReported() throws IOException {
        assertThat(RegistrationSnapshot.load(dir.resolve("absent.txt"), NOW)).isEmpty();

        Path corrupt = dir.resolve("corrupt.txt");
        Files.writeString(corrupt, "only\ttwo\n");
        assertThatThrownBy(() -> RegistrationSnapshot.load(corrupt, NOW)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 1");
    }
}
