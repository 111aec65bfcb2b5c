package io.osprey.aka;

import java.util.Arrays;
import java.util.Base64;

/**
 * The nonce of an AKA digest challenge (RFC 3310 §3.2): base64(RAND ‖ AUTN ‖ server data), where the
 * optional server-specific data follows the 32 octets of RAND and AUTN. A nonce that decodes to fewer than
 * 32 octets cannot carry a challenge and is refused.
 *
 * <p>Immutable: octets are copied in and out.
 *
 * @param rand       16 octets
 * @param autn       16 octets
 * @param serverData 0 to {@value #MAX_SERVER_DATA} octets the server appended
 */
public record AkaNonce(byte[] rand, byte[] autn, byte[] serverData) {

    /** Octets of RAND ‖ AUTN, the least a nonce decodes to. */
    public static final int CHALLENGE_LENGTH = Milenage.BLOCK + AuthenticationVector.AUTN_LENGTH;
    /** Most server data octets accepted after RAND ‖ AUTN. */
    public static final int MAX_SERVER_DATA = 256;
    /** Longest nonce text accepted before decoding: base64 of 32 + 256 octets. */
    public static final int MAX_ENCODED_LENGTH = 4 * ((CHALLENGE_LENGTH + MAX_SERVER_DATA + 2) / 3);

    public AkaNonce {
        rand = Bytes.copyOfLength("RAND", rand, Milenage.BLOCK);
        autn = Bytes.copyOfLength("AUTN", autn, AuthenticationVector.AUTN_LENGTH);
        Bytes.requireLengthBetween("nonce server data", serverData, 0, MAX_SERVER_DATA);
        serverData = serverData.clone();
    }

    /** A nonce from RAND ‖ AUTN ‖ server data, e.g. the Cx SIP-Authenticate value (32 octets, no server data). */
    public static AkaNonce fromOctets(byte[] octets) {
        Bytes.requireLengthBetween("nonce", octets, CHALLENGE_LENGTH, CHALLENGE_LENGTH + MAX_SERVER_DATA);
        return new AkaNonce(
                Arrays.copyOfRange(octets, 0, Milenage.BLOCK),
                Arrays.copyOfRange(octets, Milenage.BLOCK, CHALLENGE_LENGTH),
                Arrays.copyOfRange(octets, CHALLENGE_LENGTH, octets.length));
    }

    /**
     * Parses the {@code nonce} parameter value, without its quotes.
     *
     * @throws IllegalArgumentException when the text is too long, not base64, or decodes to fewer than 32 octets
     */
    public static AkaNonce parse(String value) {
        if (value == null) {
            throw new IllegalArgumentException("nonce must be base64 of RAND and AUTN, was null");
        }
        if (value.length() > MAX_ENCODED_LENGTH) {
            throw new IllegalArgumentException(
                    "nonce is " + value.length() + " characters, limit " + MAX_ENCODED_LENGTH);
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nonce is not valid base64: " + e.getMessage(), e);
        }
        if (decoded.length < CHALLENGE_LENGTH) {
            throw new IllegalArgumentException("nonce decodes to " + decoded.length
                    + " octets, fewer than the " + CHALLENGE_LENGTH + " of RAND and AUTN");
        }
        return fromOctets(decoded);
    }

    @Override
    public byte[] rand() {
        return rand.clone();
    }

    @Override
    public byte[] autn() {
        return autn.clone();
    }

    @Override
    public byte[] serverData() {
        return serverData.clone();
    }

    /** RAND ‖ AUTN ‖ server data. */
    public byte[] octets() {
        byte[] out = new byte[CHALLENGE_LENGTH + serverData.length];
        System.arraycopy(rand, 0, out, 0, Milenage.BLOCK);
        System.arraycopy(autn, 0, out, Milenage.BLOCK, AuthenticationVector.AUTN_LENGTH);
        System.arraycopy(serverData, 0, out, CHALLENGE_LENGTH, serverData.length);
        return out;
    }

    /** The base64 text for the {@code nonce} parameter, with padding. */
    public String encode() {
        return Base64.getEncoder().encodeToString(octets());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AkaNonce that && Arrays.equals(rand, that.rand)
                && Arrays.equals(autn, that.autn) && Arrays.equals(serverData, that.serverData);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(rand) + Arrays.hashCode(autn)) + Arrays.hashCode(serverData);
    }

    @Override
    public String toString() {
        return "AkaNonce[" + encode() + "]";
    }
}
