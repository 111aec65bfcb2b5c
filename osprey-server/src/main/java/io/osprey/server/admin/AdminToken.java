package io.osprey.server.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The admin API's bearer token: the configured one, else one generated on first start (256 random bits) and kept
 * in a file readable by its owner only, so the CLI on the same machine can find it. Comparison is constant-time.
 */
public final class AdminToken {

    private final byte[] token;
    private final boolean generated;

    private AdminToken(String token, boolean generated) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.generated = generated;
    }

    /** The configured token, the one stored in {@code file}, or a new one written to {@code file}. */
    public static AdminToken load(String configured, Path file) throws IOException {
        if (configured != null) {
            return new AdminToken(configured, false);
        }
        if (Files.exists(file)) {
            return new AdminToken(Files.readString(file).strip(), false);
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = HexFormat.of().formatHex(random);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, token + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays with the user's default ACL
        }
        return new AdminToken(token, true);
    }

    /** Whether this token was just created (the caller prints it once). */
    public boolean generated() {
        return generated;
    }

    /** The token text, for printing once at first start. */
    public String value() {
        return new String(token, StandardCharsets.UTF_8);
    }

    /** Whether an {@code Authorization} header value carries this token. */
    boolean accepts(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] offered = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(offered, token);
    }

    @Override
    public String toString() {
        return "AdminToken[redacted]";
    }
}
