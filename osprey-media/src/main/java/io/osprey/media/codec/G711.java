package io.osprey.media.codec;

/**
 * ITU-T G.711 companding between 16-bit linear PCM and 8-bit µ-law or A-law codes. The standard's quantisers work
 * on 14-bit (µ-law) and 13-bit (A-law) magnitudes; here they are scaled to 16-bit samples, so decoded values run
 * to ±32124 (µ-law) and ±32256 (A-law). Codes are the transmitted octets: µ-law inverted (G.711 Table 2a), A-law
 * with even bits inverted (Table 1a, the 0x55 mask). Encoding picks the segment from the position of the highest
 * set bit; decoding returns the middle of the quantisation interval and is table-driven.
 */
public final class G711 {

    /** µ-law bias: 33 at 14-bit scale, shifting every segment boundary to a power of two. */
    private static final int MU_BIAS = 0x84;
    /** Largest magnitude that still fits segment 7 once biased. */
    private static final int MU_CLIP = 32635;
    private static final int A_LAW_MASK = 0x55;

    private static final short[] MU_LAW_DECODE = new short[256];
    private static final short[] A_LAW_DECODE = new short[256];

    static {
        for (int code = 0; code < 256; code++) {
            MU_LAW_DECODE[code] = computeMuLawToLinear(code);
            A_LAW_DECODE[code] = computeALawToLinear(code);
        }
    }

    private G711() {
    }

    /** The µ-law code for a 16-bit sample (values outside the short range are clipped). 0 gives 0xFF. */
    public static byte linearToMuLaw(int sample) {
        int sign = 0;
        int magnitude = clampToShort(sample);
        if (magnitude < 0) {
            magnitude = -magnitude;
            sign = 0x80;
        }
        magnitude = Math.min(magnitude, MU_CLIP) + MU_BIAS;
        int exponent = (31 - Integer.numberOfLeadingZeros(magnitude)) - 7;
        int mantissa = (magnitude >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | exponent << 4 | mantissa);
    }

    /** The 16-bit sample a µ-law code stands for. */
    public static short muLawToLinear(byte code) {
        return MU_LAW_DECODE[code & 0xFF];
    }

    /** The A-law code for a 16-bit sample (values outside the short range are clipped). 0 gives 0xD5. */
    public static byte linearToALaw(int sample) {
        int magnitude = clampToShort(sample) >> 3;
        int mask;
        if (magnitude >= 0) {
            mask = A_LAW_MASK | 0x80;
        } else {
            mask = A_LAW_MASK;
            magnitude = -magnitude - 1;
        }
        int code;
        if (magnitude < 32) {
            code = magnitude >> 1;
        } else {
            int segment = (31 - Integer.numberOfLeadingZeros(magnitude)) - 4;
            code = segment << 4 | (magnitude >> segment) & 0x0F;
        }
        return (byte) (code ^ mask);
    }

    /** The 16-bit sample an A-law code stands for; A-law has no zero, so the smallest are ±8. */
    public static short aLawToLinear(byte code) {
        return A_LAW_DECODE[code & 0xFF];
    }

    private static int clampToShort(int sample) {
        return Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
    }

    private static short computeMuLawToLinear(int code) {
        int value = ~code & 0xFF;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0F;
        int magnitude = (((mantissa << 3) + MU_BIAS) << exponent) - MU_BIAS;
        return (short) ((value & 0x80) != 0 ? -magnitude : magnitude);
    }

    private static short computeALawToLinear(int code) {
        int value = code ^ A_LAW_MASK;
        int segment = (value >> 4) & 0x07;
        int mantissa = value & 0x0F;
        int magnitude = segment == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (segment - 1);
        return (short) ((value & 0x80) != 0 ? magnitude : -magnitude);
    }
}
