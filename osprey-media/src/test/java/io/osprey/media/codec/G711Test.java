package io.osprey.media.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class G711Test {

    @Test
    void zeroEncodesToTheStandardIdleCodes() {
        assertThat(G711.linearToMuLaw(0)).isEqualTo((byte) 0xFF);
        assertThat(G711.linearToALaw(0)).isEqualTo((byte) 0xD5);
    }

    @Test
    void muLawKnownValues() {
        assertThat(G711.muLawToLinear((byte) 0xFF)).isEqualTo((short) 0);
        assertThat(G711.muLawToLinear((byte) 0x7F)).isEqualTo((short) 0);
        assertThat(G711.muLawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(G711.muLawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        // 1000 + bias 132 = 1132 = 0b100_0110_1100: segment 3, mantissa 1, code ~0x31 = 0xCE;
        // decoding gives the middle of [1120, 1184) minus the bias: 988.
        assertThat(G711.linearToMuLaw(1000)).isEqualTo((byte) 0xCE);
        assertThat(G711.muLawToLinear((byte) 0xCE)).isEqualTo((short) 988);
        assertThat(G711.linearToMuLaw(-1000)).isEqualTo((byte) 0x4E);
        assertThat(G711.muLawToLinear((byte) 0x4E)).isEqualTo((short) -988);
        assertThat(G711.linearToMuLaw(Short.MAX_VALUE)).isEqualTo((byte) 0x80);
        assertThat(G711.linearToMuLaw(Short.MIN_VALUE)).isEqualTo((byte) 0x00);
        assertThat(G711.linearToMuLaw(100_000)).isEqualTo((byte) 0x80);
    }

    @Test
    void aLawKnownValues() {
        // A-law has no zero: the two codes next to it decode to ±8 (±1 at 13-bit scale).
        assertThat(G711.aLawToLinear((byte) 0xD5)).isEqualTo((short) 8);
        assertThat(G711.aLawToLinear((byte) 0x55)).isEqualTo((short) -8);
        assertThat(G711.aLawToLinear((byte) 0xAA)).isEqualTo((short) 32256);
        assertThat(G711.aLawToLinear((byte) 0x2A)).isEqualTo((short) -32256);
        // 1000 >> 3 = 125: segment 2, mantissa (125 >> 2) & 15 = 15, code 0x2F ^ 0xD5 = 0xFA; decodes to the middle
        // of [992, 1024): 1008.
        assertThat(G711.linearToALaw(1000)).isEqualTo((byte) 0xFA);
        assertThat(G711.aLawToLinear((byte) 0xFA)).isEqualTo((short) 1008);
        assertThat(G711.linearToALaw(-1)).isEqualTo((byte) 0x55);
        assertThat(G711.linearToALaw(Short.MAX_VALUE)).isEqualTo((byte) 0xAA);
        assertThat(G711.linearToALaw(Short.MIN_VALUE)).isEqualTo((byte) 0x2A);
    }

    @Test
    void roundTripErrorIsWithinHalfAQuantisationStep() {
        // Step doubles per segment; half a step is at most max(8, |x|/16) for both laws (µ-law clips above 32635).
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int bound = Math.max(8, Math.abs(x) / 16);
            int mu = G711.muLawToLinear(G711.linearToMuLaw(x));
            int a = G711.aLawToLinear(G711.linearToALaw(x));
            assertThat(Math.abs(mu - x)).as("µ-law error at %d", x).isLessThanOrEqualTo(bound);
            assertThat(Math.abs(a - x)).as("A-law error at %d", x).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void everyCodeSurvivesDecodeThenEncode() {
        for (int code = 0; code < 256; code++) {
            byte c = (byte) code;
            assertThat(G711.linearToALaw(G711.aLawToLinear(c))).as("A-law 0x%02X", code).isEqualTo(c);
            // µ-law has two zeros, +0 (0xFF) and −0 (0x7F); the encoder produces +0.
            byte expectedMu = code == 0x7F ? (byte) 0xFF : c;
            assertThat(G711.linearToMuLaw(G711.muLawToLinear(c))).as("µ-law 0x%02X", code).isEqualTo(expectedMu);
        }
    }

    @Test
    void companderIsMonotonic() {
        int previousMu = Integer.MIN_VALUE;
        int previousA = Integer.MIN_VALUE;
        for (int x = Short.MIN_VALUE; x <= Short.MAX_VALUE; x++) {
            int mu = G711.muLawToLinear(G711.linearToMuLaw(x));
            int a = G711.aLawToLinear(G711.linearToALaw(x));
            assertThat(mu).isGreaterThanOrEqualTo(previousMu);
            assertThat(a).isGreaterThanOrEqualTo(previousA);
            previousMu = mu;
            previousA = a;
        }
    }

    @Test
    void codecEnumMapsPayloadTypesAndArrays() {
        assertThat(G711Codec.forPayloadType(0)).contains(G711Codec.PCMU);
        assertThat(G711Codec.forPayloadType(8)).contains(G711Codec.PCMA);
        assertThat(G711Codec.forPayloadType(18)).isEmpty();

        short[] pcm = {0, 1000, -1000, 32767};
        byte[] mu = new byte[6];
        G711Codec.PCMU.encode(pcm, 0, 4, mu, 2);
        assertThat(mu).containsExactly(0, 0, 0xFF, 0xCE, 0x4E, 0x80);
        short[] back = new short[4];
        G711Codec.PCMU.decode(mu, 2, 4, back, 0);
        assertThat(back).containsExactly((short) 0, (short) 988, (short) -988, (short) 32124);

        byte[] a = new byte[4];
        G711Codec.PCMA.encode(pcm, 0, 4, a, 0);
        assertThat(a).containsExactly(0xD5, 0xFA, G711.linearToALaw(-1000), 0xAA);
    }
}
