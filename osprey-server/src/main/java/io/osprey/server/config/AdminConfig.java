package io.osprey.server.config;

import java.nio.file.Path;

/**
 * The admin HTTP API (and, later, the web console).
 *
 * @param listen   address to bind, default 127.0.0.1 (loopback only)
 * @param port     default 8080
 * @param token    the bearer token clients must send; when absent one is generated on first start, stored in
 *                 {@code tokenFile} (owner-only permissions) and printed once
 * @param tokenFile where a generated token is kept, default {@code data/admin-token}
 */
public record AdminConfig(String listen, Integer port, String token, Path tokenFile) {

    public AdminConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 8080 : port, 0, 65535);
        if (token != null && token.length() < 16) {
            throw new ConfigException("token", "is too short (" + token.length() + " characters); use at least 16");
        }
        tokenFile = tokenFile == null ? Path.of("data", "admin-token") : tokenFile;
    }

    static AdminConfig defaults() {
        return new AdminConfig(null, null, null, null);
    }
}
