package io.osprey.media.tone;

/**
 * A continuous sine tone as 16-bit linear PCM: {@code amplitude · sin(2π·f·n / rate)}. The phase carries over
 * from one {@link #fill} to the next, so consecutive 20 ms frames join without a click. Not thread-safe: one
 * sender owns it.
 */
public final class ToneGenerator {

    /** Narrowband telephony rate (G.711). */
    public static final int DEFAULT_SAMPLE_RATE = 8000;
    /** About −12 dBFS: loud enough to measure, far from G.711 clipping. */
    public static final int DEFAULT_AMPLITUDE = 8000;

    private static final double TWO_PI = 2 * Math.PI;

    private final double frequencyHz;
    private final int amplitude;
    private final int sampleRate;
    private final double phaseStep;
    private double phase;

    /**
     * @param frequencyHz above 0 and below half the sample rate
     * @param amplitude   peak value, 0..32767
     * @param sampleRate  samples per second, positive
     */
    public ToneGenerator(double frequencyHz, int amplitude, int sampleRate) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate + " must be positive");
        }
        if (!(frequencyHz > 0 && frequencyHz < sampleRate / 2.0)) {
            throw new IllegalArgumentException("tone " + frequencyHz + " Hz must be in (0, " + sampleRate / 2.0
                    + ") Hz for " + sampleRate + " samples/s");
        }
        if (amplitude < 0 || amplitude > Short.MAX_VALUE) {
            throw new IllegalArgumentException("amplitude " + amplitude + " is not in 0..32767");
        }
        this.frequencyHz = frequencyHz;
        this.amplitude = amplitude;
        this.sampleRate = sampleRate;
        this.phaseStep = TWO_PI * frequencyHz / sampleRate;
    }

    /** A tone at 8 kHz with the default amplitude. */
    public ToneGenerator(double frequencyHz) {
        this(frequencyHz, DEFAULT_AMPLITUDE, DEFAULT_SAMPLE_RATE);
    }

    public double frequencyHz() {
        return frequencyHz;
    }

    public int amplitude() {
        return amplitude;
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Writes the next {@code length} samples into {@code out} from {@code offset}. */
    public void fill(short[] out, int offset, int length) {
        for (int i = 0; i < length; i++) {
            out[offset + i] = (short) Math.round(amplitude * Math.sin(phase));
            phase += phaseStep;
            if (phase >= TWO_PI) {
                phase -= TWO_PI;
            }
        }
    }

    /** The next {@code length} samples in a new array. */
    public short[] next(int length) {
        short[] out = new short[length];
        fill(out, 0, length);
        return out;
    }
}
