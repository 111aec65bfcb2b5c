package io.osprey.cscf.regevent;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegSubscriptionSnapshotTest {

    @TempDir
    Path dir;

    @Test
    void aSubscriptionReadsBackWithItsDialogAndCountersAndAnExpiredOneIsLeftOut() throws Exception {
        RegSubscription live = new RegSubscription("sip:bob@ims.test", "sub-1@192.0.2.9", "l1", "r1",
                "sip:bob@ims.test", "sip:regevent@pcscf.ims.test:5060", "sip:regevent@pcscf.ims.test:5060",
                List.of("<sip:pcscf.ims.test:5060;lr>", "<sip:x@host;lr>\t|odd"), 10_000);
        live.nextCseq();
        live.nextCseq();
        live.nextVersion();
        RegSubscription expired = new RegSubscription("sip:carol@ims.test", "sub-2", "l2", "r2", "sip:carol@ims.test",
                "sip:carol@ims.test", "sip:carol@192.0.2.7", List.of(), 4_000);
        Path file = dir.resolve("scscf-registrations-subscriptions.txt");

        RegSubscriptionSnapshot.save(List.of(live, expired), file);
        List<RegSubscription> back = RegSubscriptionSnapshot.load(file, 5_000);

        assertThat(back).singleElement().satisfies(s -> {
            assertThat(s.matches("sub-1@192.0.2.9", "r1", "l1")).isTrue();
            assertThat(s.routeSet).containsExactly("<sip:pcscf.ims.test:5060;lr>", "<sip:x@host;lr>\t|odd");
            assertThat(s.remoteTarget).isEqualTo("sip:regevent@pcscf.ims.test:5060");
            assertThat(s.nextCseq()).as("CSeq goes on (RFC 3261 §12.2.1.1)").isEqualTo(3);
            assertThat(s.nextVersion()).as("reginfo version goes on (RFC 3680 §5.4)").isEqualTo(1);
            assertThat(s.expiresAtMillis()).isEqualTo(10_000);
        });
        assertThat(RegSubscriptionSnapshot.load(dir.resolve("absent.txt"), 0)).isEmpty();
        assertThat(Files.readString(file)).as("values are base64").doesNotContain("pcscf.ims.test");
    }
}
