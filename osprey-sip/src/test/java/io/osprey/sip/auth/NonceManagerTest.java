package io.osprey.sip.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class NonceManagerTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Duration LIFETIME = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock();
    private final NonceManager nonces = new NonceManager(SECRET, LIFETIME, 100, clock, new SecureRandom());

    @Test
    void issuedNonceIsValidUntilItsLifetimeEnds() {
        String nonce = nonces.issue();
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.VALID);
        clock.advance(LIFETIME);
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.VALID);
        clock.advance(Duration.ofMillis(1));
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.STALE);
        assertThat(nonces.use(nonce, 1)).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void nonceCountMustIncrease() {
        String nonce = nonces.issue();
        assertThat(nonces.use(nonce, 1)).isEqualTo(NonceStatus.VALID);
        assertThat(nonces.use(nonce, 1)).isEqualTo(NonceStatus.REPLAY);
        assertThat(nonces.use(nonce, 3)).isEqualTo(NonceStatus.VALID);
        assertThat(nonces.use(nonce, 2)).isEqualTo(NonceStatus.REPLAY);
        assertThat(nonces.use(nonce, 4)).isEqualTo(NonceStatus.VALID);
    }

    @Test
    void tamperedForeignAndGarbageNoncesAreInvalid() {
        String nonce = nonces.issue();
        byte[] raw = Base64.getDecoder().decode(nonce);
        raw[0] ^= 1;
        assertThat(nonces.check(Base64.getEncoder().encodeToString(raw))).isEqualTo(NonceStatus.INVALID);
        raw[0] ^= 1;
        raw[raw.length - 1] ^= 1;
        assertThat(nonces.check(Base64.getEncoder().encodeToString(raw))).isEqualTo(NonceStatus.INVALID);

        byte[] otherSecret = SECRET.clone();
        otherSecret[0] = 'x';
        NonceManager other = new NonceManager(otherSecret, LIFETIME, 100, clock, new SecureRandom());
        assertThat(other.check(nonce)).isEqualTo(NonceStatus.INVALID);

        assertThat(nonces.check("not base64 !")).isEqualTo(NonceStatus.INVALID);
        assertThat(nonces.check("")).isEqualTo(NonceStatus.INVALID);
        assertThat(nonces.check("A".repeat(600))).isEqualTo(NonceStatus.INVALID);
        assertThat(nonces.use("AAAA", 1)).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void instancesSharingTheSecretVerifyEachOthersNoncesButTrackReplayLocally() {
        NonceManager peer = new NonceManager(SECRET, LIFETIME, 100, clock, new SecureRandom());
        String nonce = nonces.issue();
        assertThat(peer.check(nonce)).isEqualTo(NonceStatus.VALID);
        // not tracked by the peer: a use there is answered stale, which re-challenges
        assertThat(peer.use(nonce, 1)).isEqualTo(NonceStatus.STALE);
    }

    @Test
    void pastCapacityTheLeastRecentlyUsedNoncesAreDroppedAndAnsweredStale() {
        NonceManager small = new NonceManager(SECRET, LIFETIME, 2, clock, new SecureRandom());
        String first = small.issue();
        String second = small.issue();
        assertThat(small.use(first, 1)).isEqualTo(NonceStatus.VALID);
        String third = small.issue();

        assertThat(small.trackedCount()).isEqualTo(2);
        assertThat(small.use(second, 1)).isEqualTo(NonceStatus.STALE);
        assertThat(small.use(first, 2)).isEqualTo(NonceStatus.VALID);
        assertThat(small.use(third, 1)).isEqualTo(NonceStatus.VALID);
    }

    @Test
    void akaPayloadStaysAtTheStartOfTheNonce() {
        // RFC 3310: the UE reads RAND from octets 0-15 and AUTN from octets 16-31 of the decoded nonce
        byte[] randAutn = HexFormat.of().parseHex(
                "9f7c8d021accf4db213ccff0c7f71a6aae4a3a9b4c97725c9cabc3e99baf7281");
        String nonce = nonces.issue(randAutn);
        byte[] decoded = Base64.getDecoder().decode(nonce);

        assertThat(Arrays.copyOf(decoded, 32)).isEqualTo(randAutn);
        assertThat(decoded).hasSize(32 + 8 + 16);
        assertThat(nonces.payload(nonce)).isEqualTo(randAutn);
        assertThat(nonces.check(nonce)).isEqualTo(NonceStatus.VALID);
        assertThat(nonces.payload("AAAA")).isNull();
    }

    @Test
    void registeredNoncesAreCheckedByLookup() {
        String akaNonce = "n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=";
        assertThat(nonces.check(akaNonce)).isEqualTo(NonceStatus.INVALID);

        nonces.register(akaNonce);
        assertThat(nonces.check(akaNonce)).isEqualTo(NonceStatus.VALID);
        assertThat(nonces.use(akaNonce, 1)).isEqualTo(NonceStatus.VALID);
        assertThat(nonces.use(akaNonce, 1)).isEqualTo(NonceStatus.REPLAY);
        clock.advance(LIFETIME.plusMillis(1));
        assertThat(nonces.check(akaNonce)).isEqualTo(NonceStatus.STALE);

        nonces.forget(akaNonce);
        assertThat(nonces.check(akaNonce)).isEqualTo(NonceStatus.INVALID);
    }

    @Test
    void payloadIsBounded() {
        assertThat(nonces.check(nonces.issue(new byte[256]))).isEqualTo(NonceStatus.VALID);
        assertThatThrownBy(() -> nonces.issue(new byte[257])).hasMessageContaining("exceeds limit 256");
    }

    @Test
    void randomNoncesDiffer() {
        assertThat(nonces.issue()).isNotEqualTo(nonces.issue());
    }
}
