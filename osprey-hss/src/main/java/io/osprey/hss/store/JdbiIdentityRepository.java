package io.osprey.hss.store;

import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;

/** {@link IdentityRepository} on JDBI. */
final class JdbiIdentityRepository implements IdentityRepository {

    private static final int MAX_REMEMBERED_SCSCFS = 1_024;

    private final Transactions transactions;
    private final PrivateIdentityRows privateRows;
    private final WildcardLookup lookup;
    private final IdentityNormalizer normalizer;
    /** S-CSCF Server-Name to the Origin-Host this process last stored for it (there are a handful of S-CSCFs). */
    private final Map<String, String> storedScscfOrigins = new ConcurrentHashMap<>();

    JdbiIdentityRepository(Transactions transactions, PrivateIdentityRows privateRows, WildcardLookup lookup,
                           IdentityNormalizer normalizer) {
        this.transactions = transactions;
        this.privateRows = privateRows;
        this.lookup = lookup;
        this.normalizer = normalizer;
    }

    @Override
    public void createPrivateIdentity(String subscriptionId, ImpiCredentials credentials) {
        transactions.provision("create private identity " + credentials.impi(), h -> {
            requireSubscription(h, subscriptionId);
            privateRows.insert(h, subscriptionId, credentials);
            return null;
        });
    }

    @Override
    public Optional<PrivateIdentityRecord> privateIdentity(Impi impi) {
        return transactions.read("read private identity " + impi, h -> PrivateIdentityRows.find(h, impi));
    }

    @Override
    public List<PrivateIdentityRecord> privateIdentities(String subscriptionId) {
        return transactions.read("list private identities of " + subscriptionId,
                h -> PrivateIdentityRows.ofSubscription(h, subscriptionId));
    }

    @Override
    public Page<PrivateIdentityRecord> privateIdentities(PageRequest page) {
        return transactions.read("list private identities", h -> PrivateIdentityRows.page(h, page));
    }

    @Override
    public List<PrivateIdentityRecord> privateIdentitiesOfSubscriptions(Collection<String> subscriptionIds) {
        return transactions.read("list private identities of " + subscriptionIds.size() + " subscriptions",
                h -> PrivateIdentityRows.ofSubscriptions(h, subscriptionIds));
    }

    @Override
    public boolean deletePrivateIdentity(Impi impi) {
        return transactions.provision("delete private identity " + impi,
                h -> PrivateIdentityRows.delete(h, impi) > 0);
    }

    @Override
    public void createPublicIdentity(PublicIdentityRecord identity) {
        PublicIdentityRecord normalized = identity.withImpu(normalizer.normalize(identity.impu()));
        transactions.provision("create public identity " + normalized.impu(), h -> {
            requireSubscription(h, normalized.subscriptionId());
            checkReferences(h, normalized);
            PublicIdentityRows.insert(h, normalized);
            return null;
        });
    }

    @Override
    public Optional<PublicIdentityRecord> publicIdentity(Impu impu) {
        Impu key = normalizer.normalize(impu);
        return transactions.read("read public identity " + key, h -> PublicIdentityRows.find(h, key));
    }

    @Override
    public Optional<PublicIdentityRecord> findPublicIdentity(Impu impu) {
        Impu key = normalizer.normalize(impu);
        return transactions.cachedRead(new FoundIdentityKey(key), "find public identity " + key,
                h -> lookup.find(h, key));
    }

    @Override
    public List<PublicIdentityRecord> publicIdentities(String subscriptionId) {
        return transactions.read("list public identities of " + subscriptionId,
                h -> PublicIdentityRows.ofSubscription(h, subscriptionId));
    }

    @Override
    public Page<PublicIdentityRecord> publicIdentities(PageRequest page) {
        return transactions.read("list public identities", h -> PublicIdentityRows.page(h, page));
    }

    @Override
    public List<PublicIdentityRecord> publicIdentitiesOfSubscriptions(Collection<String> subscriptionIds) {
        return transactions.read("list public identities of " + subscriptionIds.size() + " subscriptions",
                h -> PublicIdentityRows.ofSubscriptions(h, subscriptionIds));
    }

    @Override
    public List<PublicIdentityRecord> publicIdentitiesOf(Impi impi) {
        return transactions.read("list public identities of " + impi, h -> PublicIdentityRows.ofPrivateIdentity(h, impi));
    }

    @Override
    public void updatePublicIdentity(PublicIdentityRecord identity) {
        PublicIdentityRecord normalized = identity.withImpu(normalizer.normalize(identity.impu()));
        transactions.provision("update public identity " + normalized.impu(), h -> {
            PublicIdentityRecord existing = PublicIdentityRows.find(h, normalized.impu())
                    .orElseThrow(() -> StoreException.notFound("public identity", normalized.impu()));
            if (!existing.subscriptionId().equals(normalized.subscriptionId())) {
                throw new StoreException(StoreException.Reason.CONSTRAINT, "public identity " + normalized.impu()
                        + " belongs to subscription " + existing.subscriptionId() + " and cannot move");
            }
            checkReferences(h, normalized);
            PublicIdentityRows.update(h, normalized);
            return null;
        });
    }

    @Override
    public boolean deletePublicIdentity(Impu impu) {
        Impu key = normalizer.normalize(impu);
        return transactions.provision("delete public identity " + key, h -> PublicIdentityRows.delete(h, key) > 0);
    }

    @Override
    public boolean isAssociated(Impi impi, Impu impu) {
        return findPublicIdentity(impu).map(identity -> identity.privateIdentities().contains(impi)).orElse(false);
    }

    @Override
    public List<PublicIdentityRecord> implicitSet(Impu impu) {
        Impu key = normalizer.normalize(impu);
        return transactions.read("read implicit set of " + key,
                h -> lookup.find(h, key).map(member -> PublicIdentityRows.implicitSet(h, member)).orElse(List.of()));
    }

    @Override
    public Optional<ImpuRegistration> registration(Impu impu) {
        Impu key = normalizer.normalize(impu);
        if (transactions.cachesRegistrations() && !transactions.inBoundTransaction()) {
            // the identity's set from memory when the registration cache is on (decision 0016)
            return findPublicIdentity(key).flatMap(identity -> implicitSetRegistrations(identity).stream()
                    .filter(member -> member.impu().equals(identity.impu())).findFirst());
        }
        // the stored URI (what Cx handlers pass) is one query; other URIs may match a wildcarded PSI
        return transactions.read("read registration of " + key, h -> PublicIdentityRows.registration(h, key)
                .or(() -> lookup.find(h, key)
                        .flatMap(identity -> PublicIdentityRows.registration(h, identity.impu()))));
    }

    @Override
    public void updateRegistration(ImpuRegistration registration) {
        Impu key = normalizer.normalize(registration.impu());
        SetWrite write = new SetWrite(); // one identity's row: the set's new state is not known, and it is dropped
        try {
            transactions.write("update registration of " + key, h -> {
                PublicIdentityRecord identity = lookup.find(h, key)
                        .orElseThrow(() -> StoreException.notFound("public identity", key));
                write.set = PublicIdentityRows.SetKey.of(identity);
                PublicIdentityRows.updateRegistration(h, "impu = :impu", Map.of("impu", identity.impu().uri()),
                        registration.state(), registration.scscfName(), registration.pendingScscf());
                return null;
            });
        } finally {
            write.ended();
        }
    }

    @Override
    public List<ImpuRegistration> updateImplicitSetRegistration(Impu impu, RegistrationState state,
                                                                Optional<String> scscfName) {
        return setRegistration(impu, state, scscfName, false);
    }

    @Override
    public List<ImpuRegistration> changeImplicitSetRegistration(Impu impu, RegistrationState state,
                                                                Optional<String> scscfName) {
        return setRegistration(impu, state, scscfName, true);
    }

    @Override
    public List<ImpuRegistration> changeImplicitSetRegistration(PublicIdentityRecord identity,
                                                                RegistrationState state, Optional<String> scscfName) {
        new ImpuRegistration(identity.impu(), state, scscfName); // checks the state and S-CSCF name fit together
        SetWrite write = new SetWrite();
        write.set = PublicIdentityRows.SetKey.of(identity);
        try {
            return transactions.write("update registration of the implicit set of " + identity.impu(),
                    h -> setRegistration(h, write, state, scscfName, true));
        } finally {
            write.ended();
        }
    }

    /** One read of the set, a write only if something differs; the new states of all or of the changed. */
    private List<ImpuRegistration> setRegistration(Impu impu, RegistrationState state, Optional<String> scscfName,
                                                   boolean changedOnly) {
        Impu key = normalizer.normalize(impu);
        new ImpuRegistration(key, state, scscfName); // checks the state and S-CSCF name fit together
        SetWrite write = new SetWrite();
        try {
            return transactions.write("update registration of the implicit set of " + key, h -> {
                write.set = PublicIdentityRows.setKey(h, key)
                        .or(() -> lookup.find(h, key).map(PublicIdentityRows.SetKey::of))
                        .orElseThrow(() -> StoreException.notFound("public identity", key));
                return setRegistration(h, write, state, scscfName, changedOnly);
            });
        } finally {
            write.ended();
        }
    }

    /**
     * The set a registration write is about, once known, whether it changed a row and the set's state it stored. A
     * write that changed nothing (a re-registration's SAR) keeps the set cached; one that failed drops it, since a
     * failed commit's outcome is not known; one that stored {@code now} leaves it for its transaction's commit
     * to keep ({@link Transactions#registrationWritten(PublicIdentityRows.SetKey, List)}).
     */
    private final class SetWrite {
        PublicIdentityRows.SetKey set;
        boolean unchanged;
        List<ImpuRegistration> now;

        void ended() {
            if (set != null && !unchanged) {
                transactions.registrationWritten(set, now);
            }
        }
    }

    private static List<ImpuRegistration> setRegistration(Handle h, SetWrite member, RegistrationState state,
                                                          Optional<String> scscfName, boolean changedOnly) {
        List<ImpuRegistration> before = PublicIdentityRows.registrations(h, member.set);
        List<ImpuRegistration> all = new ArrayList<>(before.size());
        List<ImpuRegistration> changed = new ArrayList<>();
        boolean write = false;
        for (ImpuRegistration old : before) {
            ImpuRegistration now = new ImpuRegistration(old.impu(), state, scscfName);
            all.add(now);
            if (!old.sameAssignment(now)) {
                changed.add(now);
            }
            write |= !old.equals(now);
        }
        if (write) {
            PublicIdentityRows.updateSetRegistration(h, member.set, state, scscfName);
            member.now = all;
        }
        member.unchanged = !write;
        return changedOnly ? changed : all;
    }

    @Override
    public List<ImpuRegistration> implicitSetRegistrations(PublicIdentityRecord identity) {
        PublicIdentityRows.SetKey set = PublicIdentityRows.SetKey.of(identity);
        return transactions.cachedRegistrations(set, "read the registrations of the implicit set of "
                + identity.impu(), h -> PublicIdentityRows.registrations(h, set));
    }

    @Override
    public void recordAuthenticationPending(PublicIdentityRecord identity, String scscfName, boolean takeOver) {
        // validates the name as a stored registration would, before anything is written
        new ImpuRegistration(identity.impu(), RegistrationState.NOT_REGISTERED, Optional.of(scscfName));
        PublicIdentityRows.SetKey set = PublicIdentityRows.SetKey.of(identity);
        // a re-registration's MAR changes no row, and keeps the set cached
        if (transactions.write("record the authentication of " + identity.impu() + " at " + scscfName,
                h -> PublicIdentityRows.recordAuthenticationPending(h, set, scscfName, takeOver)) > 0) {
            transactions.registrationWritten(set);
        }
    }

    @Override
    public void endAuthentication(PublicIdentityRecord identity) {
        PublicIdentityRows.SetKey set = PublicIdentityRows.SetKey.of(identity);
        if (transactions.write("end the authentication of " + identity.impu(),
                h -> PublicIdentityRows.endAuthentication(h, set)) > 0) {
            transactions.registrationWritten(set);
        }
    }

    /** The cache key of {@link #findPublicIdentity}: a normalised URI, exact or under a wildcarded PSI. */
    private record FoundIdentityKey(Impu impu) {
    }

    private static void requireSubscription(Handle handle, String subscriptionId) {
        if (JdbiSubscriptionRepository.find(handle, subscriptionId).isEmpty()) {
            throw StoreException.notFound("subscription", subscriptionId);
        }
    }

    /** The profile must exist and every linked IMPI must belong to the identity's subscription. */
    private static void checkReferences(Handle handle, PublicIdentityRecord identity) {
        boolean profileExists = handle.createQuery("SELECT COUNT(*) FROM service_profile WHERE name = :name")
                .bind("name", identity.serviceProfile()).mapTo(Integer.class).one() > 0;
        if (!profileExists) {
            throw StoreException.notFound("service profile", identity.serviceProfile());
        }
        for (Impi impi : identity.privateIdentities()) {
            PrivateIdentityRecord linked = PrivateIdentityRows.find(handle, impi)
                    .orElseThrow(() -> StoreException.notFound("private identity", impi));
            if (!linked.subscriptionId().equals(identity.subscriptionId())) {
                throw new StoreException(StoreException.Reason.CONSTRAINT, "private identity " + impi
                        + " belongs to subscription " + linked.subscriptionId() + ", not "
                        + identity.subscriptionId());
            }
        }
    }

    @Override
    public void recordScscfOrigin(String serverName, String originHost) {
        requireName("serverName", serverName);
        requireName("originHost", originHost);
        if (originHost.equals(storedScscfOrigins.get(serverName))) {
            return;
        }
        transactions.write("record the Diameter origin of S-CSCF " + serverName, h -> h.createUpdate(
                        "INSERT INTO scscf_origin (server_name, origin_host) VALUES (:name, :host) "
                                + "ON CONFLICT (server_name) DO UPDATE SET origin_host = excluded.origin_host")
                .bind("name", serverName).bind("host", originHost).execute());
        if (storedScscfOrigins.size() >= MAX_REMEMBERED_SCSCFS) {
            storedScscfOrigins.clear();
        }
        storedScscfOrigins.put(serverName, originHost);
    }

    @Override
    public Optional<String> scscfOrigin(String serverName) {
        return transactions.read("read the Diameter origin of S-CSCF " + serverName, h -> h.createQuery(
                        "SELECT origin_host FROM scscf_origin WHERE server_name = :name")
                .bind("name", serverName).mapTo(String.class).findOne());
    }

    @Override
    public List<Impu> assignedIdentitiesWithProfile(String profileName) {
        return transactions.read("list the assigned identities of service profile " + profileName, h -> h.createQuery(
                        "SELECT impu FROM public_identity WHERE profile_name = :name AND reg_state <> 0 "
                                + "ORDER BY impu")
                .bind("name", profileName).map((rs, ctx) -> new Impu(rs.getString(1))).list());
    }

    @Override
    public List<Impu> assignedIdentitiesWithIfcTemplate(String templateName) {
        return transactions.read("list the assigned identities of iFC template " + templateName, h -> h.createQuery(
                        "SELECT impu FROM public_identity WHERE reg_state <> 0 AND profile_name IN "
                                + "(SELECT profile_name FROM profile_template WHERE template_name = :name) "
                                + "ORDER BY impu")
                .bind("name", templateName).map((rs, ctx) -> new Impu(rs.getString(1))).list());
    }

    private static void requireName(String field, String value) {
        if (value == null || value.isEmpty() || value.length() > 255) {
            throw new InvalidValueException(field, "must be 1 to 255 characters, was "
                    + (value == null ? "null" : value.length() + " characters"));
        }
    }
}
