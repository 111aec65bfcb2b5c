package io.osprey.hss.store;

import io.osprey.aka.SqnScheme;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Where and how to open the subscriber store.
 *
 * <ul>
 *   <li>{@code url}: {@code sqlite:<file>} (default {@value #DEFAULT_URL}; {@code jdbc:sqlite:<file>} also
 *       accepted) or a PostgreSQL JDBC URL {@code jdbc:postgresql://host:port/db} with user and password.
 *   <li>{@code poolSize}: HikariCP pool size; 0 picks 4 for SQLite, 10 for PostgreSQL.
 *   <li>{@code schema}: PostgreSQL schema to create and use (default: the server's search path).
 *   <li>{@code secretKey}: base64 of a 16- or 32-octet AES key; when set, K, OP/OPc and digest secrets are
 *       encrypted at rest with AES-GCM.
 *   <li>{@code sqnScheme}: how SQNs advance (TS 33.102 Annex C).
 *   <li>{@code cacheTtl}: how long provisioned data read for Cx requests is kept in memory (default 1 h, zero
 *       turns the cache off); changes made through this store show at once, changes made by other processes
 *       on the same database within a second ({@link ProvisioningWatch}, decision 0019). See
 *       {@link ProvisionedCache}. On SQLite, a non-zero value also keeps registration state in memory
 *       ({@link RegistrationCache}, decision 0016).
 * </ul>
 * {@link #toString()} hides the password and the key.
 */
public record StoreConfig(
        String url,
        Optional<String> user,
        Optional<String> password,
        int poolSize,
        Optional<String> schema,
        Optional<String> secretKey,
        SqnScheme sqnScheme,
        Duration cacheTtl) {

    /** Longest {@link #cacheTtl}. */
    public static final Duration MAX_CACHE_TTL = Duration.ofHours(1);

    /** The embedded default. */
    public static final String DEFAULT_URL = "sqlite:./data/osprey.db";

    public StoreConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("store url is required, e.g. " + DEFAULT_URL);
        }
        dialectOf(url);
        if (poolSize < 0 || poolSize > 200) {
            throw new IllegalArgumentException("store poolSize must be 0 to 200, was " + poolSize);
        }
        schema.ifPresent(StoreConfig::checkSchema);
        secretKey.ifPresent(StoreConfig::decodeKey);
        if (sqnScheme == null) {
            throw new IllegalArgumentException("store sqnScheme is required");
        }
        if (cacheTtl == null || cacheTtl.isNegative() || cacheTtl.compareTo(MAX_CACHE_TTL) > 0) {
            throw new IllegalArgumentException("store cacheTtl must be 0 to " + MAX_CACHE_TTL.toMinutes()
                    + " minutes, was " + cacheTtl);
        }
    }

    /** The default SQLite store. */
    public static StoreConfig defaults() {
        return of(DEFAULT_URL);
    }

    /** A store at {@code url} with no credentials and default settings. */
    public static StoreConfig of(String url) {
        return new StoreConfig(url, Optional.empty(), Optional.empty(), 0, Optional.empty(), Optional.empty(),
                SqnScheme.DEFAULT, ProvisionedCache.DEFAULT_TTL);
    }

    public StoreConfig withCredentials(String newUser, String newPassword) {
        return new StoreConfig(url, Optional.of(newUser), Optional.ofNullable(newPassword), poolSize, schema,
                secretKey, sqnScheme, cacheTtl);
    }

    public StoreConfig withPoolSize(int newPoolSize) {
        return new StoreConfig(url, user, password, newPoolSize, schema, secretKey, sqnScheme, cacheTtl);
    }

    public StoreConfig withSchema(String newSchema) {
        return new StoreConfig(url, user, password, poolSize, Optional.of(newSchema), secretKey, sqnScheme, cacheTtl);
    }

    public StoreConfig withSecretKey(String base64Key) {
        return new StoreConfig(url, user, password, poolSize, schema, Optional.of(base64Key), sqnScheme, cacheTtl);
    }

    public StoreConfig withSqnScheme(SqnScheme newScheme) {
        return new StoreConfig(url, user, password, poolSize, schema, secretKey, newScheme, cacheTtl);
    }

    public StoreConfig withCacheTtl(Duration newTtl) {
        return new StoreConfig(url, user, password, poolSize, schema, secretKey, sqnScheme, newTtl);
    }

    /** The URL without its query string, which may carry credentials; for logs and errors. */
    public String displayUrl() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?…";
    }

    Dialect dialect() {
        return dialectOf(url);
    }

    /** The SQLite file path of a {@code sqlite:} or {@code jdbc:sqlite:} URL. */
    String sqlitePath() {
        return url.startsWith("jdbc:") ? url.substring("jdbc:sqlite:".length()) : url.substring("sqlite:".length());
    }

    int effectivePoolSize() {
        return poolSize > 0 ? poolSize : dialect() == Dialect.SQLITE ? 4 : 10;
    }

    Optional<byte[]> secretKeyBytes() {
        return secretKey.map(StoreConfig::decodeKey);
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + url + ", user=" + user.orElse("-") + ", password="
                + (password.isPresent() ? "<redacted>" : "-") + ", poolSize=" + poolSize + ", schema="
                + schema.orElse("-") + ", secretKey=" + (secretKey.isPresent() ? "<redacted>" : "-")
                + ", sqnScheme=" + sqnScheme + ", cacheTtl=" + cacheTtl + "]";
    }

    private static Dialect dialectOf(String url) {
        if (url.startsWith("sqlite:") || url.startsWith("jdbc:sqlite:")) {
            if (url.endsWith(":") || url.contains(":memory:")) {
                throw new IllegalArgumentException("store url needs a SQLite file path, was " + url);
            }
            return Dialect.SQLITE;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException("store url must start with sqlite:, jdbc:sqlite: or jdbc:postgresql:, was "
                + url);
    }

    private static void checkSchema(String schema) {
        if (schema.isEmpty() || schema.length() > 63) {
            throw new IllegalArgumentException("store schema must be 1 to 63 characters, was " + schema.length());
        }
        for (int i = 0; i < schema.length(); i++) {
            char c = schema.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                throw new IllegalArgumentException("store schema may hold only a-z, 0-9 and _, was " + schema);
            }
        }
    }

    private static byte[] decodeKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("store secretKey must be base64", e);
        }
        if (key.length != 16 && key.length != 32) {
            throw new IllegalArgumentException("store secretKey must decode to 16 or 32 octets, was " + key.length);
        }
        return key;
    }
}
