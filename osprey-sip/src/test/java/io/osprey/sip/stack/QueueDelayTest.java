package io.osprey.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.uri.SipUri;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class QueueDelayTest {

    private static final long MS = 1_000_000L;
    private static final Duration LIMIT = Duration.ofMillis(100);
    private static final SipRequest FROM_UE = invite("SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKue");
    private static final SipRequest FROM_SCSCF = invite("SIP/2.0/UDP 192.0.2.1:6060;branch=z9hG4bKs",
            "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKue");

    private static SipRequest register(String response) {
        return SipRequest.builder("REGISTER", SipUri.parse("sip:ims.test"))
                .add("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKreg")
                .add("Authorization", "Digest username=\"alice@ims.test\", realm=\"ims.test\", nonce=\"bm9uY2U=\", "
                        + "uri=\"sip:ims.test\", response=\"" + response + "\"")
                .build();
    }

    private static SipRequest invite(String... vias) {
        SipRequest.Builder invite = SipRequest.builder("INVITE", SipUri.parse("sip:bob@example.com"));
        for (String via : vias) {
            invite.add("Via", via);
        }
        return invite.build();
    }

    @Test
    void refusesFromAWaitLongerThanTheLimitUntilTwiceTheLimitLater() {
        QueueDelay delay = QueueDelay.of(LIMIT);
        long t0 = 5_000 * MS;
        assertThat(delay.refuses(FROM_UE, t0)).isFalse();

        delay.record(t0 - 100 * MS, t0); // exactly the limit: allowed
        assertThat(delay.refuses(FROM_UE, t0)).isFalse();

        delay.record(t0 - 101 * MS, t0 + 10 * MS);
        assertThat(delay.refuses(FROM_UE, t0 + 10 * MS)).isTrue();
        assertThat(delay.refuses(FROM_SCSCF, t0 + 10 * MS)).as("a stack on its own refuses any").isTrue();
        delay.record(t0 + 100 * MS, t0 + 101 * MS); // short waits do not end it early
        assertThat(delay.refuses(FROM_UE, t0 + 209 * MS)).isTrue();
        assertThat(delay.refuses(FROM_UE, t0 + 210 * MS)).isFalse();
    }

    @Test
    void aRegisterAnsweringAChallengeIsNeverRefusedForDelay() {
        QueueDelay alone = QueueDelay.of(LIMIT);
        QueueDelay pcscf = QueueDelay.shared(LIMIT).entry();
        long now = 1_000 * MS;
        alone.record(now - 150 * MS, now);
        pcscf.record(now - 150 * MS, now);
        SipRequest answer = register("6629fae49393a05397450978507c4ef1");
        SipRequest initial = register(""); // TS 24.229 §5.1.1.2: the first REGISTER carries an empty response
        assertThat(alone.refuses(answer, now)).isFalse();
        assertThat(pcscf.refuses(answer, now)).isFalse();
        assertThat(alone.refuses(initial, now)).isTrue();
        assertThat(pcscf.refuses(initial, now)).isTrue();
    }

    @Test
    void aLastingOverloadKeepsRefusing() {
        QueueDelay delay = QueueDelay.of(LIMIT);
        long now = 0;
        for (int i = 0; i < 50; i++) {
            now += 150 * MS;
            delay.record(now - 120 * MS, now);
            assertThat(delay.refuses(FROM_UE, now + 190 * MS)).isTrue();
        }
        assertThat(delay.refuses(FROM_UE, now + 200 * MS)).isFalse();
    }

    @Test
    void aZeroLimitTurnsTheSignalOffAndANegativeOneIsRefused() {
        QueueDelay delay = QueueDelay.of(Duration.ZERO);
        delay.record(0, 10_000 * MS);
        assertThat(delay.refuses(FROM_UE, 10_000 * MS)).isFalse();
        assertThatThrownBy(() -> QueueDelay.of(Duration.ofMillis(-1))).hasMessageContaining("negative");
    }

    @Test
    void inOneProcessOnlyTheEntryStackRefusesAndOnlyRequestsStraightFromUes() {
        QueueDelay.Shared process = QueueDelay.shared(LIMIT);
        QueueDelay scscf = process.core();
        QueueDelay icscf = process.core();
        long now = 1_000 * MS;
        scscf.record(now - 150 * MS, now);
        assertThat(scscf.refuses(FROM_UE, now)).as("no entry stack yet: a core stack protects itself").isTrue();

        QueueDelay pcscf = process.entry();
        assertThat(pcscf.refuses(FROM_UE, now)).as("the S-CSCF's wait").isTrue();
        assertThat(scscf.refuses(FROM_UE, now)).as("the P-CSCF refuses in its place").isFalse();
        assertThat(icscf.refuses(FROM_UE, now)).isFalse();
        assertThat(pcscf.refuses(FROM_SCSCF, now)).as("a request that has come through another element").isFalse();
        assertThat(pcscf.refuses(FROM_UE, now + 200 * MS)).isFalse();
    }
}
