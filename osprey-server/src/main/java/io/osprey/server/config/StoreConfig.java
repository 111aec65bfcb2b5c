package io.osprey.server.config;

import java.time.Duration;

/**
 * The subscriber store ({@code store:} in {@code osprey.yaml}), opened by the admin API for provisioning.
 *
 * @param url        {@code sqlite:<file>} (default {@value #DEFAULT_URL}) or {@code jdbc:postgresql://host:port/db}
 * @param user       database user (PostgreSQL)
 * @param password   database password (PostgreSQL); never printed
 * @param poolSize   connection pool size; 0 (default) picks 4 for SQLite, 10 for PostgreSQL
 * @param schema     PostgreSQL schema to create and use
 * @param secretKey  base64 of a 16- or 32-octet AES key encrypting K, OP/OPc and passwords at rest; never printed
 * @param cacheTtl   how long the HSS keeps provisioned data it read for Cx requests (default 1h, 0s turns it off,
 *                   at most 1h); changes made through this process show at once, changes another process makes
 *                   (another HSS on the same PostgreSQL, {@code osprey subscriber --db}) within a second
 *                   (decision 0019). On SQLite the HSS also keeps registration state in memory unless this is 0s
 *                   (decision 0016)
 */
public record StoreConfig(String url, String user, String password, Integer poolSize, String schema,
                          String secretKey, Duration cacheTtl) {

    public static final String DEFAULT_URL = io.osprey.hss.store.StoreConfig.DEFAULT_URL;

    public StoreConfig {
        url = url == null ? DEFAULT_URL : url;
        poolSize = ConfigChecks.range("pool-size", poolSize == null ? 0 : poolSize, 0, 200);
        if (password != null && user == null) {
            throw new ConfigException("user", "is required when a password is set");
        }
        toStoreConfig(url, user, password, poolSize, schema, secretKey, cacheTtl);
    }

    static StoreConfig defaults() {
        return new StoreConfig(null, null, null, null, null, null, null);
    }

    /** The HSS store settings these keys describe. */
    public io.osprey.hss.store.StoreConfig toStoreConfig() {
        return toStoreConfig(url, user, password, poolSize, schema, secretKey, cacheTtl);
    }

    private static io.osprey.hss.store.StoreConfig toStoreConfig(String url, String user, String password,
                                                                 int poolSize, String schema, String secretKey,
                                                                 Duration cacheTtl) {
        io.osprey.hss.store.StoreConfig store;
        try {
            store = io.osprey.hss.store.StoreConfig.of(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("url", e.getMessage());
        }
        store = store.withPoolSize(poolSize);
        if (user != null) {
            store = store.withCredentials(user, password);
        }
        if (schema != null) {
            try {
                store = store.withSchema(schema);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("schema", e.getMessage());
            }
        }
        if (secretKey != null) {
            try {
                store = store.withSecretKey(secretKey);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("secret-key", e.getMessage());
            }
        }
        if (cacheTtl != null) {
            try {
                store = store.withCacheTtl(cacheTtl);
            } catch (IllegalArgumentException e) {
                throw new ConfigException("cache-ttl", cacheTtl.toMillis() + "ms is out of range; expected 0s to 1h");
            }
        }
        return store;
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "-" : "<redacted>")
                + ", poolSize=" + poolSize + ", schema=" + schema + ", secretKey="
                + (secretKey == null ? "-" : "<redacted>") + ", cacheTtl=" + cacheTtl + "]";
    }
}
