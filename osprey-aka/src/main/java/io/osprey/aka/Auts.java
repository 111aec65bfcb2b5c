package io.osprey.aka;

import java.util.Arrays;
import java.util.Base64;

/**
 * The resynchronisation token AUTS = (SQN_MS ⊕ AK*) ‖ MAC-S, 14 octets (3GPP TS 33.102 §6.3.3), where
 * AK* = f5*(RAND) and MAC-S = f1*(SQN_MS, AMF = 0000) for the RAND of the refused challenge. SIP carries it
 * base64-encoded in the {@code auts} digest parameter (RFC 3310 §3.4); Cx carries RAND ‖ AUTS in
 * SIP-Authorization.
 *
 * <p>Immutable: octets are copied in and out.
 */
public final class Auts {

    /** Octets in AUTS. */
    public static final int LENGTH = 14;
    /** Longest {@code auts} parameter text accepted before decoding; 14 octets encode to 20 characters. */
    public static final int MAX_ENCODED_LENGTH = 24;

    private final byte[] octets;

    private Auts(byte[] octets) {
        this.octets = octets;
    }

    /** AUTS from its 14 octets. */
    public static Auts of(byte[] octets) {
        return new Auts(Bytes.copyOfLength("AUTS", octets, LENGTH));
    }

    /** AUTS from concealed SQN_MS (6 octets) and MAC-S (8 octets). */
    public static Auts of(byte[] concealedSqnMs, byte[] macS) {
        Bytes.requireLength("SQN_MS xor AK*", concealedSqnMs, Milenage.SQN_LENGTH);
        Bytes.requireLength("MAC-S", macS, Milenage.MAC_LENGTH);
        return new Auts(Bytes.concat(concealedSqnMs, macS));
    }

    /**
     * Parses the value of the {@code auts} digest parameter, without its quotes: base64 of exactly 14 octets.
     *
     * @throws IllegalArgumentException when the text is too long, not base64, or not 14 octets
     */
    public static Auts parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("auts must be base64 of " + LENGTH + " octets, was null");
        }
        if (value.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException("auts is " + value.length() + " characters, limit "
                    + MAX_ENCODED_LENGTH);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auts is not valid base64: \"" + value + "\"", e);
        }
        if (decoded.length != LENGTH) {
            throw new IllegalArgumentException(
                    "auts must decode to " + LENGTH + " octets, decoded to " + decoded.length + " octets");
        }
        return new Auts(decoded);
    }

    /** The 14 octets. */
    public byte[] octets() {
        return octets.clone();
    }

    /** SQN_MS ⊕ AK*, the first 6 octets. */
    public byte[] concealedSqnMs() {
        return Arrays.copyOfRange(octets, 0, Milenage.SQN_LENGTH);
    }

    /** MAC-S, the last 8 octets. */
    public byte[] macS() {
        return Arrays.copyOfRange(octets, Milenage.SQN_LENGTH, LENGTH);
    }

    /** The base64 text for the {@code auts} digest parameter (RFC 3310 §3.4), with padding. */
    public String encode() {
        return Base64.getEncoder().encodeToString(octets);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Auts that && Arrays.equals(octets, that.octets);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(octets);
    }

    @Override
    public String toString() {
        return "Auts[" + Bytes.hex(octets) + "]";
    }
}
