package io.osprey.hss.store;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ScscfCapabilities;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.model.SubscriptionRecord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;

/** {@link SubscriptionRepository} on JDBI. */
final class JdbiSubscriptionRepository implements SubscriptionRepository {

    private static final String INSERT = "INSERT INTO subscription (id, mandatory_caps, optional_caps, server_names) "
            + "VALUES (:id, :mandatory, :optional, :servers)";

    private final Transactions transactions;
    private final PrivateIdentityRows privateRows;
    private final ProfileRows profileRows;
    private final IdentityRepository identities;
    private final IdentityNormalizer normalizer;

    JdbiSubscriptionRepository(Transactions transactions, PrivateIdentityRows privateRows, ProfileRows profileRows,
                               IdentityRepository identities, IdentityNormalizer normalizer) {
        this.transactions = transactions;
        this.privateRows = privateRows;
        this.profileRows = profileRows;
        this.identities = identities;
        this.normalizer = normalizer;
    }

    @Override
    public void createSubscription(SubscriptionRecord subscription) {
        transactions.provision("create subscription " + subscription.id(),
                h -> bind(h.createUpdate(INSERT), subscription).execute());
    }

    @Override
    public void createSubscriptions(List<NewSubscription> subscriptions) {
        List<NewSubscription> normalized = subscriptions.stream().map(this::normalize).toList();
        transactions.provision("create " + normalized.size() + " subscriptions", h -> {
            PreparedBatch subscriptionBatch = h.prepareBatch(INSERT);
            PreparedBatch privateBatch = PrivateIdentityRows.batch(h);
            PreparedBatch publicBatch = PublicIdentityRows.batch(h);
            PreparedBatch linkBatch = PublicIdentityRows.linkBatch(h);
            for (NewSubscription subscription : normalized) {
                bind(subscriptionBatch, subscription.subscription()).add();
                privateRows.addAll(privateBatch, subscription.subscription().id(), subscription.privateIdentities());
                for (PublicIdentityRecord identity : subscription.publicIdentities()) {
                    PublicIdentityRows.add(publicBatch, identity);
                    PublicIdentityRows.addLinks(linkBatch, identity);
                }
            }
            for (PreparedBatch batch : List.of(subscriptionBatch, privateBatch, publicBatch, linkBatch)) {
                if (batch.size() > 0) {
                    batch.execute();
                }
            }
            return null;
        });
    }

    @Override
    public Optional<SubscriptionRecord> subscription(String id) {
        return transactions.cachedRead(new SubscriptionKey(id), "read subscription " + id, h -> find(h, id));
    }

    @Override
    public void updateSubscription(SubscriptionRecord subscription) {
        transactions.provision("update subscription " + subscription.id(), h -> {
            int rows = bind(h.createUpdate("UPDATE subscription SET mandatory_caps = :mandatory, "
                    + "optional_caps = :optional, server_names = :servers WHERE id = :id"), subscription).execute();
            if (rows == 0) {
                throw StoreException.notFound("subscription", subscription.id());
            }
            return null;
        });
    }

    @Override
    public boolean deleteSubscription(String id) {
        return transactions.provision("delete subscription " + id,
                h -> h.createUpdate("DELETE FROM subscription WHERE id = :id").bind("id", id).execute() > 0);
    }

    @Override
    public Page<SubscriptionRecord> subscriptions(PageRequest page) {
        return transactions.read("list subscriptions", h -> {
            List<SubscriptionRecord> items = h.createQuery("SELECT id, mandatory_caps, optional_caps, server_names "
                            + "FROM subscription ORDER BY id LIMIT :limit OFFSET :offset")
                    .bind("limit", page.limit()).bind("offset", page.offset()).map((rs, ctx) -> record(rs)).list();
            long total = h.createQuery("SELECT COUNT(*) FROM subscription").mapTo(Long.class).one();
            return new Page<>(items, page.offset(), page.limit(), total);
        });
    }

    /**
     * Assembled from the cached identity, one read of its implicit set, and the cached service profiles with
     * their templates (shared by many users); the document itself is cached too.
     */
    @Override
    public Optional<ImsSubscription> userProfile(Impi impi, Impu impu) {
        Impu requested = normalizer.normalize(impu);
        return transactions.cached(new UserProfileKey(impi, requested), () -> assembleProfile(impi, requested));
    }

    private Optional<ImsSubscription> assembleProfile(Impi impi, Impu requested) {
        Optional<PublicIdentityRecord> matched = identities.findPublicIdentity(requested);
        if (matched.isEmpty()) {
            return Optional.empty();
        }
        List<PublicIdentityRecord> set = transactions.read("read the implicit set of " + requested,
                h -> PublicIdentityRows.implicitSet(h, matched.get()));
        Set<String> names = new TreeSet<>();
        set.forEach(identity -> names.add(identity.serviceProfile()));
        ProfilesWithTemplates profiles = transactions.cached(new ProfilesKey(Set.copyOf(names)),
                () -> transactions.read("read service profiles " + names, h -> profilesWithTemplates(h, names)));
        return Optional.of(UserProfileAssembler.assemble(impi, set, requested, matched.get(), profiles.profiles(),
                profiles.templates()));
    }

    private ProfilesWithTemplates profilesWithTemplates(Handle h, Set<String> names) {
        Map<String, ServiceProfileRecord> profiles = profileRows.profiles(h, names);
        Set<String> templateNames = new HashSet<>();
        profiles.values().forEach(profile -> templateNames.addAll(profile.ifcTemplates()));
        return new ProfilesWithTemplates(profiles, profileRows.templates(h, templateNames));
    }

    private record ProfilesWithTemplates(Map<String, ServiceProfileRecord> profiles,
                                         Map<String, IfcTemplate> templates) {
    }

    private record ProfilesKey(Set<String> names) {
    }

    private record SubscriptionKey(String id) {
    }

    private record UserProfileKey(Impi impi, Impu impu) {
    }

    static Optional<SubscriptionRecord> find(Handle handle, String id) {
        return handle.createQuery("SELECT id, mandatory_caps, optional_caps, server_names FROM subscription "
                + "WHERE id = :id").bind("id", id).map((rs, ctx) -> record(rs)).findOne();
    }

    /** Normalises the identities and checks every link stays inside the subscription. */
    private NewSubscription normalize(NewSubscription subscription) {
        Set<Impi> own = new HashSet<>();
        subscription.privateIdentities().stream().map(ImpiCredentials::impi).forEach(own::add);
        List<PublicIdentityRecord> identities = new ArrayList<>();
        for (PublicIdentityRecord identity : subscription.publicIdentities()) {
            for (Impi impi : identity.privateIdentities()) {
                if (!own.contains(impi)) {
                    throw new StoreException(StoreException.Reason.CONSTRAINT, "public identity " + identity.impu()
                            + " links " + impi + ", which is not a private identity of subscription "
                            + subscription.subscription().id());
                }
            }
            identities.add(identity.withImpu(normalizer.normalize(identity.impu())));
        }
        return new NewSubscription(subscription.subscription(), subscription.privateIdentities(), identities);
    }

    private static <S extends SqlStatement<S>> S bind(S statement, SubscriptionRecord subscription) {
        ScscfCapabilities capabilities = subscription.capabilities();
        return statement.bind("id", subscription.id())
                .bind("mandatory", Columns.joinInts(capabilities.mandatory()))
                .bind("optional", Columns.joinInts(capabilities.optional()))
                .bind("servers", Columns.joinWords(capabilities.serverNames()));
    }

    private static SubscriptionRecord record(ResultSet rs) throws SQLException {
        return new SubscriptionRecord(rs.getString("id"), new ScscfCapabilities(
                Set.copyOf(Columns.splitInts(rs.getString("mandatory_caps"))),
                Set.copyOf(Columns.splitInts(rs.getString("optional_caps"))),
                Columns.splitWords(rs.getString("server_names"))));
    }
}
