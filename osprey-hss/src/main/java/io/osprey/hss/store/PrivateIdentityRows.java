package io.osprey.hss.store;

import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.PrivateIdentityRecord;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** SQL for the {@code private_identity} table; secrets pass through the {@link SecretCodec}. */
final class PrivateIdentityRows {

    private static final String RECORD_COLUMNS =
            "impi, subscription_id, auth_schemes, aka_k IS NOT NULL AS has_aka, "
                    + "digest_secret IS NOT NULL AS has_digest, sqn";
    private static final String CREDENTIAL_COLUMNS = "impi, auth_schemes, aka_k, aka_op_kind, aka_op, aka_amf, "
            + "digest_kind, digest_realm, digest_secret, sqn";
    private static final String INSERT = "INSERT INTO private_identity (impi, subscription_id, auth_schemes, "
            + "aka_k, aka_op_kind, aka_op, aka_amf, digest_kind, digest_realm, digest_secret, sqn) VALUES (:impi, "
            + ":subscription, :schemes, :k, :opKind, :op, :amf, :digestKind, :realm, :digest, :sqn)";

    private final SecretCodec codec;

    PrivateIdentityRows(SecretCodec codec) {
        this.codec = codec;
    }

    void insert(Handle handle, String subscriptionId, ImpiCredentials credentials) {
        bindCredentials(handle.createUpdate(INSERT), credentials)
                .bind("subscription", subscriptionId).bind("sqn", credentials.sqn()).execute();
    }

    void addAll(PreparedBatch batch, String subscriptionId, Collection<ImpiCredentials> all) {
        for (ImpiCredentials credentials : all) {
            bindCredentials(batch, credentials).bind("subscription", subscriptionId)
                    .bind("sqn", credentials.sqn()).add();
        }
    }

    static PreparedBatch batch(Handle handle) {
        return handle.prepareBatch(INSERT);
    }

    int updateCredentials(Handle handle, ImpiCredentials credentials) {
        return bindCredentials(handle.createUpdate("UPDATE private_identity SET auth_schemes = :schemes, aka_k = :k, "
                + "aka_op_kind = :opKind, aka_op = :op, aka_amf = :amf, digest_kind = :digestKind, "
                + "digest_realm = :realm, digest_secret = :digest WHERE impi = :impi"), credentials).execute();
    }

    static int updateSqn(Handle handle, Impi impi, long sqn) {
        return handle.createUpdate("UPDATE private_identity SET sqn = :sqn WHERE impi = :impi")
                .bind("sqn", sqn).bind("impi", impi.value()).execute();
    }

    static Optional<PrivateIdentityRecord> find(Handle handle, Impi impi) {
        return handle.createQuery("SELECT " + RECORD_COLUMNS + " FROM private_identity WHERE impi = :impi")
                .bind("impi", impi.value()).map((rs, ctx) -> record(rs)).findOne();
    }

    static List<PrivateIdentityRecord> ofSubscription(Handle handle, String subscriptionId) {
        return handle.createQuery("SELECT " + RECORD_COLUMNS
                        + " FROM private_identity WHERE subscription_id = :id ORDER BY impi")
                .bind("id", subscriptionId).map((rs, ctx) -> record(rs)).list();
    }

    static List<PrivateIdentityRecord> ofSubscriptions(Handle handle, Collection<String> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("SELECT " + RECORD_COLUMNS
                        + " FROM private_identity WHERE subscription_id IN (<ids>) ORDER BY impi")
                .bindList("ids", List.copyOf(subscriptionIds)).map((rs, ctx) -> record(rs)).list();
    }

    static Page<PrivateIdentityRecord> page(Handle handle, PageRequest page) {
        List<PrivateIdentityRecord> items = handle.createQuery("SELECT " + RECORD_COLUMNS
                        + " FROM private_identity ORDER BY impi LIMIT :limit OFFSET :offset")
                .bind("limit", page.limit()).bind("offset", page.offset()).map((rs, ctx) -> record(rs)).list();
        long total = handle.createQuery("SELECT COUNT(*) FROM private_identity").mapTo(Long.class).one();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    /** The credentials, locking the row until commit when {@code forUpdate} is the dialect's suffix. */
    Optional<ImpiCredentials> credentials(Handle handle, Impi impi, String forUpdate) {
        return handle.createQuery("SELECT " + CREDENTIAL_COLUMNS + " FROM private_identity WHERE impi = :impi"
                        + forUpdate)
                .bind("impi", impi.value()).map((rs, ctx) -> credentials(rs)).findOne();
    }

    static int delete(Handle handle, Impi impi) {
        return handle.createUpdate("DELETE FROM private_identity WHERE impi = :impi")
                .bind("impi", impi.value()).execute();
    }

    private <S extends SqlStatement<S>> S bindCredentials(S statement, ImpiCredentials credentials) {
        String owner = credentials.impi().value();
        Optional<AkaKeys> aka = credentials.aka();
        Optional<DigestSecret> digest = credentials.digest();
        statement.bind("impi", owner).bind("schemes", Columns.joinSchemes(credentials.authSchemes()))
                .bind("k", aka.map(keys -> codec.seal("aka_k", owner, keys.k())).orElse(null))
                .bind("opKind", aka.map(keys -> keys.operatorKeyKind().name()).orElse(null))
                .bind("op", aka.map(keys -> codec.seal("aka_op", owner, keys.operatorKey())).orElse(null))
                .bind("amf", aka.map(keys -> Hex.encode(keys.amf())).orElse(null));
        switch (digest.orElse(null)) {
            case DigestSecret.Password password -> statement.bind("digestKind", "password").bind("realm", (String) null)
                    .bind("digest", codec.seal("digest_secret", owner,
                            password.value().getBytes(StandardCharsets.UTF_8)));
            case DigestSecret.Ha1 ha1 -> statement.bind("digestKind", "ha1").bind("realm", ha1.realm())
                    .bind("digest", codec.seal("digest_secret", owner, Hex.decode("ha1", ha1.hex(), ha1.hex().length() / 2)));
            case null -> statement.bind("digestKind", (String) null).bind("realm", (String) null)
                    .bind("digest", (String) null);
        }
        return statement;
    }

    private ImpiCredentials credentials(ResultSet rs) throws SQLException {
        String owner = rs.getString("impi");
        Optional<AkaKeys> aka = Optional.empty();
        String k = rs.getString("aka_k");
        if (k != null) {
            aka = Optional.of(new AkaKeys(codec.open("aka_k", owner, k),
                    AkaKeys.OperatorKeyKind.valueOf(rs.getString("aka_op_kind")),
                    codec.open("aka_op", owner, rs.getString("aka_op")),
                    Hex.decode("amf", rs.getString("aka_amf"), AkaKeys.AMF_LENGTH)));
        }
        Optional<DigestSecret> digest = Optional.empty();
        String sealed = rs.getString("digest_secret");
        if (sealed != null) {
            byte[] secret = codec.open("digest_secret", owner, sealed);
            digest = Optional.of("ha1".equals(rs.getString("digest_kind"))
                    ? new DigestSecret.Ha1(rs.getString("digest_realm"), Hex.encode(secret))
                    : new DigestSecret.Password(new String(secret, StandardCharsets.UTF_8)));
        }
        return new ImpiCredentials(new Impi(owner), Columns.splitSchemes(rs.getString("auth_schemes")), aka, digest,
                rs.getLong("sqn"));
    }

    private static PrivateIdentityRecord record(ResultSet rs) throws SQLException {
        return new PrivateIdentityRecord(new Impi(rs.getString("impi")), rs.getString("subscription_id"),
                Columns.splitSchemes(rs.getString("auth_schemes")), rs.getBoolean("has_aka"),
                rs.getBoolean("has_digest"), rs.getLong("sqn"));
    }
}
