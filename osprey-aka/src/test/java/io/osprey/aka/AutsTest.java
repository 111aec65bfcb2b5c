package io.osprey.aka;

import static io.osprey.aka.TestSet.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class AutsTest {

    // IMS reference §2.4: AUTS for test set 3 and SQN_MS 000000000040, and its auts parameter text.
    private static final String SET3_AUTS = "deacdd848c8618101f9299b3168d";
    private static final String SET3_AUTS_TEXT = "3qzdhIyGGBAfkpmzFo0=";

    @Test
    void parsesTheAutsParameter() {
        Auts auts = Auts.parse(SET3_AUTS_TEXT);

        assertThat(hex(auts.octets())).isEqualTo(SET3_AUTS);
        assertThat(hex(auts.concealedSqnMs())).isEqualTo("deacdd848c86");
        assertThat(hex(auts.macS())).isEqualTo("18101f9299b3168d");
        assertThat(auts.encode()).isEqualTo(SET3_AUTS_TEXT);
    }

    @Test
    void matchesTheAutsAUsimBuildsForTestSet3() {
        TestSet set = TestSet.number(3);
        Milenage milenage = Milenage.fromOp(hex(set.k()), hex(set.op()));

        assertThat(Resync.buildAuts(milenage, hex(set.rand()), 0x40)).isEqualTo(Auts.parse(SET3_AUTS_TEXT));
    }

    @Test
    void refusesAnythingButFourteenOctets() {
        String thirteen = Base64.getEncoder().encodeToString(new byte[13]);
        String fifteen = Base64.getEncoder().encodeToString(new byte[15]);

        assertThatThrownBy(() -> Auts.parse(thirteen))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("auts must decode to 14 octets, decoded to 13 octets");
        assertThatThrownBy(() -> Auts.parse(fifteen)).hasMessage("auts must decode to 14 octets, decoded to 15 octets");
        assertThatThrownBy(() -> Auts.parse("A".repeat(25))).hasMessage("auts is 25 characters, limit 24");
        assertThatThrownBy(() -> Auts.parse("3qzdhIyGGBAf*pmzFo0=")).hasMessageStartingWith("auts is not valid base64");
        assertThatThrownBy(() -> Auts.parse(null)).hasMessage("auts must be base64 of 14 octets, was null");
        assertThatThrownBy(() -> Auts.of(new byte[30])).hasMessage("AUTS must be 14 octets, was 30 octets");
    }
}
