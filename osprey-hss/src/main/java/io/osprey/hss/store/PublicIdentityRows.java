package io.osprey.hss.store;

import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * SQL for {@code public_identity} and {@code identity_link}. Lists of records are read in two steps, the rows and
 * then their links, so a list of n identities costs two queries; one identity by URI is one query.
 */
final class PublicIdentityRows {

    private static final String COLUMNS = "impu, subscription_id, profile_name, identity_type, barred, "
            + "implicit_set, alias_group, display_name";
    private static final String JOINED_COLUMNS = "p.impu AS impu, subscription_id, profile_name, identity_type, "
            + "barred, implicit_set, alias_group, display_name";
    private static final String INSERT = "INSERT INTO public_identity (impu, subscription_id, profile_name, "
            + "identity_type, barred, implicit_set, alias_group, display_name, reg_state, scscf_name) VALUES (:impu, "
            + ":subscription, :profile, :type, :barred, :implicitSet, :alias, :displayName, 0, NULL)";
    private static final String LINK = "INSERT INTO identity_link (impi, impu) VALUES (:impi, :impu)";

    private PublicIdentityRows() {
    }

    static void insert(Handle handle, PublicIdentityRecord identity) {
        bind(handle.createUpdate(INSERT), identity).execute();
        PreparedBatch links = handle.prepareBatch(LINK);
        addLinks(links, identity);
        if (links.size() > 0) {
            links.execute();
        }
    }

    static PreparedBatch batch(Handle handle) {
        return handle.prepareBatch(INSERT);
    }

    static PreparedBatch linkBatch(Handle handle) {
        return handle.prepareBatch(LINK);
    }

    static void add(PreparedBatch batch, PublicIdentityRecord identity) {
        bind(batch, identity).add();
    }

    static void addLinks(PreparedBatch links, PublicIdentityRecord identity) {
        for (Impi impi : identity.privateIdentities()) {
            links.bind("impi", impi.value()).bind("impu", identity.impu().uri()).add();
        }
    }

    static int update(Handle handle, PublicIdentityRecord identity) {
        int rows = bind(handle.createUpdate("UPDATE public_identity SET profile_name = :profile, identity_type = :type, "
                + "barred = :barred, implicit_set = :implicitSet, alias_group = :alias, display_name = :displayName "
                + "WHERE impu = :impu AND subscription_id = :subscription"), identity).execute();
        if (rows > 0) {
            handle.createUpdate("DELETE FROM identity_link WHERE impu = :impu")
                    .bind("impu", identity.impu().uri()).execute();
            PreparedBatch links = handle.prepareBatch(LINK);
            addLinks(links, identity);
            if (links.size() > 0) {
                links.execute();
            }
        }
        return rows;
    }

    static int delete(Handle handle, Impu impu) {
        return handle.createUpdate("DELETE FROM public_identity WHERE impu = :impu").bind("impu", impu.uri()).execute();
    }

    /**
     * One identity and its links in one query, a row per link: the first UAR of a registration reads this (the
     * lists below take two queries for any number of identities).
     */
    static Optional<PublicIdentityRecord> find(Handle handle, Impu impu) {
        TreeSet<Impi> links = new TreeSet<>();
        List<Row> rows = handle.createQuery("SELECT " + JOINED_COLUMNS + ", l.impi AS impi FROM public_identity p "
                        + "LEFT JOIN identity_link l ON l.impu = p.impu WHERE p.impu = :impu")
                .bind("impu", impu.uri())
                .map((rs, ctx) -> {
                    String impi = rs.getString("impi");
                    if (impi != null) {
                        links.add(new Impi(impi));
                    }
                    return row(rs);
                }).list();
        return rows.isEmpty() ? Optional.empty() : Optional.of(record(rows.getFirst(), links));
    }

    /** Every wildcarded PSI, without links (a PSI is not registered by an IMPI). */
    static List<Impu> wildcards(Handle handle) {
        return handle.createQuery("SELECT impu FROM public_identity WHERE identity_type = :type ORDER BY impu")
                .bind("type", IdentityType.WILDCARDED_PSI.code())
                .map((rs, ctx) -> new Impu(rs.getString("impu"))).list();
    }

    static List<PublicIdentityRecord> ofSubscription(Handle handle, String subscriptionId) {
        return ofSubscriptions(handle, List.of(subscriptionId));
    }

    static List<PublicIdentityRecord> ofSubscriptions(Handle handle, Collection<String> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        return withLinks(handle, handle.createQuery("SELECT " + COLUMNS
                        + " FROM public_identity WHERE subscription_id IN (<ids>) ORDER BY implicit_set, impu")
                .bindList("ids", List.copyOf(subscriptionIds)).map((rs, ctx) -> row(rs)).list());
    }

    static List<PublicIdentityRecord> implicitSet(Handle handle, PublicIdentityRecord member) {
        return withLinks(handle, handle.createQuery("SELECT " + COLUMNS + " FROM public_identity "
                        + "WHERE subscription_id = :id AND implicit_set = :set ORDER BY impu")
                .bind("id", member.subscriptionId()).bind("set", member.implicitSet())
                .map((rs, ctx) -> row(rs)).list());
    }

    static List<PublicIdentityRecord> ofPrivateIdentity(Handle handle, Impi impi) {
        return withLinks(handle, handle.createQuery("SELECT " + JOINED_COLUMNS
                        + " FROM public_identity p JOIN identity_link l ON l.impu = p.impu WHERE l.impi = :impi "
                        + "ORDER BY p.implicit_set, p.impu")
                .bind("impi", impi.value()).map((rs, ctx) -> row(rs)).list());
    }

    static Page<PublicIdentityRecord> page(Handle handle, PageRequest page) {
        List<PublicIdentityRecord> items = withLinks(handle, handle.createQuery("SELECT " + COLUMNS
                        + " FROM public_identity ORDER BY impu LIMIT :limit OFFSET :offset")
                .bind("limit", page.limit()).bind("offset", page.offset()).map((rs, ctx) -> row(rs)).list());
        long total = handle.createQuery("SELECT COUNT(*) FROM public_identity").mapTo(Long.class).one();
        return new Page<>(items, page.offset(), page.limit(), total);
    }

    static boolean linked(Handle handle, Impi impi, Impu impu) {
        return handle.createQuery("SELECT COUNT(*) FROM identity_link WHERE impi = :impi AND impu = :impu")
                .bind("impi", impi.value()).bind("impu", impu.uri()).mapTo(Integer.class).one() > 0;
    }

    private static final String REGISTRATION_COLUMNS = "impu, reg_state, scscf_name, auth_pending_scscf";
    private static final String IN_SET = "subscription_id = :id AND implicit_set = :set";
    /** A row REGISTERED or UNREGISTERED at the S-CSCF bound as {@code :scscf}. */
    private static final String SERVED_BY = "(reg_state <> 0 AND scscf_name = :scscf)";

    /** The implicit registration set an identity belongs to (TS 23.228 §5.2.1a): subscription and set number. */
    record SetKey(String subscriptionId, int implicitSet) {

        static SetKey of(PublicIdentityRecord identity) {
            return new SetKey(identity.subscriptionId(), identity.implicitSet());
        }

        Map<String, Object> binds() {
            return Map.of("id", subscriptionId, "set", implicitSet);
        }
    }

    /** The set of the identity stored under exactly {@code impu}, without reading the row's links. */
    static Optional<SetKey> setKey(Handle handle, Impu impu) {
        return handle.createQuery("SELECT subscription_id, implicit_set FROM public_identity WHERE impu = :impu")
                .bind("impu", impu.uri())
                .map((rs, ctx) -> new SetKey(rs.getString("subscription_id"), rs.getInt("implicit_set"))).findOne();
    }

    static Optional<ImpuRegistration> registration(Handle handle, Impu impu) {
        return handle.createQuery("SELECT " + REGISTRATION_COLUMNS + " FROM public_identity WHERE impu = :impu")
                .bind("impu", impu.uri()).map((rs, ctx) -> registration(rs)).findOne();
    }

    static List<ImpuRegistration> registrations(Handle handle, SetKey set) {
        return handle.createQuery("SELECT " + REGISTRATION_COLUMNS + " FROM public_identity WHERE " + IN_SET
                        + " ORDER BY impu")
                .bindMap(set.binds()).map((rs, ctx) -> registration(rs)).list();
    }

    static int updateRegistration(Handle handle, String where, Map<String, Object> keys, RegistrationState state,
                                  Optional<String> scscfName, Optional<String> pendingScscf) {
        return handle.createUpdate("UPDATE public_identity SET reg_state = :state, scscf_name = :scscf, "
                        + "auth_pending_scscf = :pending WHERE " + where)
                .bindMap(keys).bind("state", state.code()).bind("scscf", scscfName.orElse(null))
                .bind("pending", pendingScscf.orElse(null)).execute();
    }

    /** Sets state and S-CSCF of the implicit set {@code set} and ends any pending authentication. */
    static int updateSetRegistration(Handle handle, SetKey set, RegistrationState state,
                                     Optional<String> scscfName) {
        return updateRegistration(handle, IN_SET, set.binds(), state, scscfName, Optional.empty());
    }

    /**
     * TS 29.228 §6.3.1: flags an authentication pending at {@code scscf} for the implicit set {@code set},
     * and stores {@code scscf} as the S-CSCF name of the identities that are not registered. An identity that
     * {@code scscf} already serves needs no flag (its SAR passes without one): any other S-CSCF's flag is cleared
     * instead, as a flag for {@code scscf} would have replaced it. Rows already so are left alone, so a repeated MAR,
     * or the MAR of every re-registration, writes nothing.
     */
    static int recordAuthenticationPending(Handle handle, SetKey set, String scscf, boolean takeOver) {
        return handle.createUpdate("UPDATE public_identity SET auth_pending_scscf = CASE WHEN " + SERVED_BY
                        + " THEN NULL ELSE :scscf END, scscf_name = "
                        + "CASE WHEN reg_state = 0 OR :takeOver = 1 THEN :scscf ELSE scscf_name END WHERE " + IN_SET
                        + " AND CASE WHEN " + SERVED_BY + " THEN auth_pending_scscf IS NOT NULL"
                        + " ELSE (auth_pending_scscf IS NULL OR auth_pending_scscf <> :scscf"
                        + " OR ((reg_state = 0 OR :takeOver = 1) AND (scscf_name IS NULL OR scscf_name <> :scscf)))"
                        + " END")
                .bindMap(set.binds()).bind("scscf", scscf).bind("takeOver", takeOver ? 1 : 0).execute();
    }

    /**
     * Ends a pending authentication that failed or timed out (TS 29.228 §6.1.2.1, AUTHENTICATION_FAILURE and
     * AUTHENTICATION_TIMEOUT): identities that are not registered lose the S-CSCF name the MAR stored.
     */
    static int endAuthentication(Handle handle, SetKey set) {
        return handle.createUpdate("UPDATE public_identity SET auth_pending_scscf = NULL, scscf_name = "
                        + "CASE WHEN reg_state = 0 THEN NULL ELSE scscf_name END WHERE " + IN_SET
                        + " AND auth_pending_scscf IS NOT NULL")
                .bindMap(set.binds()).execute();
    }

    private static <S extends SqlStatement<S>> S bind(S statement, PublicIdentityRecord identity) {
        return statement.bind("impu", identity.impu().uri()).bind("subscription", identity.subscriptionId())
                .bind("profile", identity.serviceProfile()).bind("type", identity.identityType().code())
                .bind("barred", identity.barred()).bind("implicitSet", identity.implicitSet())
                .bind("alias", identity.aliasGroup().orElse(null))
                .bind("displayName", identity.displayName().orElse(null));
    }

    private static List<PublicIdentityRecord> withLinks(Handle handle, List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, TreeSet<Impi>> links = new HashMap<>();
        handle.createQuery("SELECT impi, impu FROM identity_link WHERE impu IN (<impus>)")
                .bindList("impus", rows.stream().map(row -> row.impu).toList())
                .map((rs, ctx) -> Map.entry(rs.getString("impu"), rs.getString("impi")))
                .forEach(link -> links.computeIfAbsent(link.getKey(), k -> new TreeSet<>())
                        .add(new Impi(link.getValue())));
        List<PublicIdentityRecord> records = new ArrayList<>(rows.size());
        for (Row row : rows) {
            records.add(record(row, links.getOrDefault(row.impu, new TreeSet<>())));
        }
        return records;
    }

    private static PublicIdentityRecord record(Row row, TreeSet<Impi> links) {
        return new PublicIdentityRecord(new Impu(row.impu), row.subscriptionId, row.profile,
                IdentityType.fromCode("identityType", row.type), row.barred, row.implicitSet,
                Optional.ofNullable(row.alias), Optional.ofNullable(row.displayName), links);
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("impu"), rs.getString("subscription_id"), rs.getString("profile_name"),
                rs.getInt("identity_type"), rs.getBoolean("barred"), rs.getInt("implicit_set"),
                rs.getString("alias_group"), rs.getString("display_name"));
    }

    private static ImpuRegistration registration(ResultSet rs) throws SQLException {
        return new ImpuRegistration(new Impu(rs.getString("impu")),
                RegistrationState.fromCode("registrationState", rs.getInt("reg_state")),
                Optional.ofNullable(rs.getString("scscf_name")),
                Optional.ofNullable(rs.getString("auth_pending_scscf")));
    }

    private record Row(String impu, String subscriptionId, String profile, int type, boolean barred,
                       int implicitSet, String alias, String displayName) {
    }
}
