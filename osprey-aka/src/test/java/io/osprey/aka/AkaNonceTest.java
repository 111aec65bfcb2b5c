package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AkaNonceTest {

    // IMS reference §2.4: the nonce for test set 3, as SIPp read it.
    private static final String SET3_NONCE = "n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6ZuvcoE=";

    @Test
    void encodesRandAndAutnAsBase64() {
        TestSet set = TestSet.number(3);
        AkaNonce nonce = new AkaNonce(hex(set.rand()), hex(set.autn()), new byte[0]);

        assertThat(nonce.encode()).isEqualTo(SET3_NONCE);
    }

    @Test
    void parsesRandAndAutn() {
        TestSet set = TestSet.number(3);

        AkaNonce nonce = AkaNonce.parse(SET3_NONCE);

        assertThat(hex(nonce.rand())).isEqualTo(set.rand());
        assertThat(hex(nonce.autn())).isEqualTo(set.autn());
        assertThat(nonce.serverData()).isEmpty();
    }

    @Test
    void keepsServerDataAfterTheChallenge() {
        byte[] octets = new byte[40];
        for (int i = 0; i < octets.length; i++) {
            octets[i] = (byte) (i * 7);
        }
        String text = Base64.getEncoder().encodeToString(octets);

        AkaNonce nonce = AkaNonce.parse(text);

        assertThat(nonce.serverData())
                .containsExactly((byte) 224, (byte) 231, (byte) 238, (byte) 245, (byte) 252, 3, 10, 17);
        assertThat(nonce.encode()).isEqualTo(text);
        assertThat(nonce).isEqualTo(AkaNonce.fromOctets(octets));
    }

    @Test
    void acceptsANonceWithoutPadding() {
        assertThat(AkaNonce.parse(SET3_NONCE.substring(0, SET3_NONCE.length() - 1)))
                .isEqualTo(AkaNonce.parse(SET3_NONCE));
    }

    @Test
    void refusesANonceShorterThanRandAndAutn() {
        String shortNonce = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatThrownBy(() -> AkaNonce.parse(shortNonce))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nonce decodes to 31 octets, fewer than the 32 of RAND and AUTN");
        assertThatThrownBy(() -> AkaNonce.parse(""))
                .hasMessage("nonce decodes to 0 octets, fewer than the 32 of RAND and AUTN");
    }

    @Test
    void refusesOverlongAndMalformedNonces() {
        assertThatThrownBy(() -> AkaNonce.parse("A".repeat(385)))
                .hasMessage("nonce is 385 characters, limit 384");
        assertThatThrownBy(() -> AkaNonce.parse("n3yNAhrM9NshPM/wx/caaq5KOptMl3JcnKvD6Zuv coE="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("nonce is not valid base64");
        assertThatThrownBy(() -> AkaNonce.parse(null)).hasMessage("nonce must be base64 of RAND and AUTN, was null");
        assertThatThrownBy(() -> new AkaNonce(new byte[16], new byte[16], new byte[257]))
                .hasMessage("nonce server data must be 0 to 256 octets, was 257 octets");
    }

    @Test
    void acceptsTheLargestServerData() {
        byte[] octets = new byte[32 + 256];
        String text = Base64.getEncoder().encodeToString(octets);

        assertThat(text).hasSize(AkaNonce.MAX_ENCODED_LENGTH);
        assertThat(AkaNonce.parse(text).serverData()).hasSize(256);
    }
}
