package io.osprey.hss.store;

import io.osprey.hss.model.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How secret columns are stored. Without a key: {@code hex:<hex>}. With a 16- or 32-octet key: AES-GCM,
 * {@code gcm1:<base64(nonce ‖ ciphertext ‖ tag)>}, with the column name and the IMPI as associated data so a
 * value copied to another row or column fails to decrypt. Reading accepts both forms, so a store can be
 * switched to encryption and re-encrypts each row when it is next written.
 */
final class SecretCodec {

    private static final String PLAIN = "hex:";
    private static final String GCM = "gcm1:";
    private static final int NONCE_LENGTH = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    private SecretCodec(SecretKeySpec key) {
        this.key = key;
    }

    static SecretCodec plain() {
        return new SecretCodec(null);
    }

    static SecretCodec aesGcm(byte[] key) {
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("secretKey must be 16 or 32 octets (AES-128 or AES-256), was "
                    + key.length);
        }
        return new SecretCodec(new SecretKeySpec(key, "AES"));
    }

    String seal(String column, String owner, byte[] secret) {
        if (key == null) {
            return PLAIN + Hex.encode(secret);
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(column, owner));
            byte[] sealed = cipher.doFinal(secret);
            return GCM + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(NONCE_LENGTH + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    byte[] open(String column, String owner, String stored) {
        if (stored.startsWith(PLAIN)) {
            return Hex.decode(column, stored.substring(PLAIN.length()), (stored.length() - PLAIN.length()) / 2);
        }
        if (!stored.startsWith(GCM)) {
            throw new IllegalStateException(column + " of " + owner + " is in an unknown stored format");
        }
        if (key == null) {
            throw new IllegalStateException(column + " of " + owner
                    + " is encrypted but the store has no secretKey configured");
        }
        byte[] data = Base64.getDecoder().decode(stored.substring(GCM.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 0, NONCE_LENGTH));
            cipher.updateAAD(associatedData(column, owner));
            return cipher.doFinal(data, NONCE_LENGTH, data.length - NONCE_LENGTH);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException("cannot decrypt " + column + " of " + owner
                    + ": wrong secretKey or altered value", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JDK", e);
        }
    }

    private static byte[] associatedData(String column, String owner) {
        return (column + '\0' + owner).getBytes(StandardCharsets.UTF_8);
    }
}
