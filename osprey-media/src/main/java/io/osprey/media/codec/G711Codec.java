package io.osprey.media.codec;

import java.util.Optional;

/**
 * The two G.711 payload formats with their static RTP payload types (RFC 3551 §4.5.14, Table 4): PCMU (µ-law,
 * PT 0) and PCMA (A-law, PT 8), both 8000 Hz mono, one octet per sample.
 */
public enum G711Codec {
    PCMU(0),
    PCMA(8);

    /** Samples per second for both. */
    public static final int SAMPLE_RATE = 8000;

    private final int payloadType;

    G711Codec(int payloadType) {
        this.payloadType = payloadType;
    }

    /** The static RTP payload type. */
    public int payloadType() {
        return payloadType;
    }

    /** The codec for a static payload type, if it is 0 or 8. */
    public static Optional<G711Codec> forPayloadType(int payloadType) {
        return switch (payloadType) {
            case 0 -> Optional.of(PCMU);
            case 8 -> Optional.of(PCMA);
            default -> Optional.empty();
        };
    }

    /** One sample to its code. */
    public byte encode(int sample) {
        return this == PCMU ? G711.linearToMuLaw(sample) : G711.linearToALaw(sample);
    }

    /** One code to its sample. */
    public short decode(byte code) {
        return this == PCMU ? G711.muLawToLinear(code) : G711.aLawToLinear(code);
    }

    /** Encodes {@code length} samples from {@code pcm[pcmOffset]} into {@code out[outOffset]}. */
    public void encode(short[] pcm, int pcmOffset, int length, byte[] out, int outOffset) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = encode(pcm[pcmOffset + i]);
        }
    }

    /** Decodes {@code length} codes from {@code in[inOffset]} into {@code out[outOffset]}. */
    public void decode(byte[] in, int inOffset, int length, short[] out, int outOffset) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = decode(in[inOffset + i]);
        }
    }
}
