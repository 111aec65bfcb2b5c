package io.osprey.media.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    @Test
    void quarterRateToneCyclesThroughFourKnownSamples() {
        ToneGenerator tone = new ToneGenerator(2000, 1000, 8000);
        assertThat(tone.next(8)).containsExactly((short) 0, (short) 1000, (short) 0, (short) -1000,
                (short) 0, (short) 1000, (short) 0, (short) -1000);
    }

    @Test
    void phaseContinuesAcrossFrames() {
        ToneGenerator whole = new ToneGenerator(440);
        ToneGenerator framed = new ToneGenerator(440);
        short[] expected = whole.next(1600);
        short[] actual = new short[1600];
        for (int offset = 0; offset < actual.length; offset += 160) {
            framed.fill(actual, offset, 160);
        }
        assertThat(actual).containsExactly(expected);
    }

    @Test
    void peakMatchesAmplitude() {
        short[] samples = new ToneGenerator(1000, 12000, 8000).next(800);
        int max = 0;
        for (short s : samples) {
            max = Math.max(max, Math.abs(s));
        }
        // 1 kHz at 8 kHz samples the sine at multiples of 45°, so the peak itself is hit.
        assertThat(max).isEqualTo(12000);
    }

    @Test
    void rejectsFrequenciesOutsideTheBandAndBadAmplitudes() {
        assertThatThrownBy(() -> new ToneGenerator(0)).hasMessageContaining("must be in (0, 4000.0)");
        assertThatThrownBy(() -> new ToneGenerator(4000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ToneGenerator(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ToneGenerator(440, 40000, 8000)).hasMessageContaining("amplitude");
        assertThatThrownBy(() -> new ToneGenerator(440, 100, 0)).hasMessageContaining("sample rate");
    }
}
