package io.osprey.ue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An independent RFC 2617 §3.2.2 MD5 digest for the tests' registrar and checks, written straight from the RFC
 * with the JDK's MessageDigest (not the osprey-sip DigestCalculator the UE uses).
 */
final class Md5Digest {

    private Md5Digest() {
    }

    static String md5Hex(byte[]... parts) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (byte[] part : parts) {
                md5.update(part);
            }
            return HexFormat.of().formatHex(md5.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The request-digest with qop (cnonce, nc, qop) or, when {@code qop} is null, the RFC 2069 form. */
    static String response(String username, String realm, byte[] password, String method, String uri, String nonce,
                           String nc, String cnonce, String qop) {
        String ha1 = md5Hex(ascii(username + ":" + realm + ":"), password);
        String ha2 = md5Hex(ascii(method + ":" + uri));
        if (qop == null) {
            return md5Hex(ascii(ha1 + ":" + nonce + ":" + ha2));
        }
        return md5Hex(ascii(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2));
    }
}
