package io.osprey.media.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.osprey.media.codec.G711Codec;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FrequencyEstimatorTest {

    private static final int RATE = 8000;

    @ParameterizedTest
    @ValueSource(doubles = {100, 300, 440, 697.5, 1000, 1633, 2600, 3400, 3900})
    void findsAPureTone(double hz) {
        short[] samples = new ToneGenerator(hz).next(1600);
        assertThat(FrequencyEstimator.dominantFrequency(samples, 0, samples.length, RATE)).isCloseTo(hz, within(0.5));
    }

    @Test
    void findsAToneInOnePacket() {
        short[] samples = new ToneGenerator(1000).next(160);
        assertThat(FrequencyEstimator.dominantFrequency(samples, 0, 160, RATE)).isCloseTo(1000, within(5.0));
    }

    @Test
    void picksTheStrongerOfTwoTones() {
        short[] strong = new ToneGenerator(440, 8000, RATE).next(1600);
        short[] weak = new ToneGenerator(1200, 3000, RATE).next(1600);
        short[] mix = new short[1600];
        for (int i = 0; i < mix.length; i++) {
            mix[i] = (short) (strong[i] + weak[i]);
        }
        assertThat(FrequencyEstimator.dominantFrequency(mix, 0, mix.length, RATE)).isCloseTo(440, within(1.0));
    }

    @Test
    void findsAToneInNoiseAndWithOffset() {
        Random random = new Random(42);
        short[] samples = new ToneGenerator(770, 4000, RATE).next(2000);
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (samples[i] + 500 + random.nextGaussian() * 1000);
        }
        assertThat(FrequencyEstimator.dominantFrequency(samples, 400, 1600, RATE)).isCloseTo(770, within(2.0));
    }

    @Test
    void survivesG711() {
        short[] pcm = new ToneGenerator(1000).next(1600);
        for (G711Codec codec : G711Codec.values()) {
            byte[] coded = new byte[pcm.length];
            short[] decoded = new short[pcm.length];
            codec.encode(pcm, 0, pcm.length, coded, 0);
            codec.decode(coded, 0, coded.length, decoded, 0);
            assertThat(FrequencyEstimator.dominantFrequency(decoded, 0, decoded.length, RATE))
                    .as(codec.name()).isCloseTo(1000, within(1.0));
        }
    }

    @Test
    void silenceAndShortBlocksGiveZero() {
        assertThat(FrequencyEstimator.dominantFrequency(new short[1600], 0, 1600, RATE)).isZero();
        short[] constant = new short[1600];
        java.util.Arrays.fill(constant, (short) 5000);
        assertThat(FrequencyEstimator.dominantFrequency(constant, 0, 1600, RATE)).isZero();
        short[] tone = new ToneGenerator(1000).next(79);
        assertThat(FrequencyEstimator.dominantFrequency(tone, 0, 79, RATE)).isZero();
        assertThat(FrequencyEstimator.dominantFrequency(new short[0], 0, 0, RATE)).isZero();
    }
}
