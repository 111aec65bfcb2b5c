package io.osprey.hss.provisioning;

import io.osprey.aka.Sqn;
import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.Hex;
import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.SubscriptionRecord;
import io.osprey.hss.store.NewSubscription;
import io.osprey.hss.store.Page;
import io.osprey.hss.store.PageRequest;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStore;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Operator provisioning over a {@link SubscriberStore}: add a subscriber in one call, show, list, update,
 * delete, add and remove public and private identities, CSV import, and the default iFC templates. Every refusal
 * is a {@link ProvisioningException}; database outages stay {@link StoreException}s (UNAVAILABLE). Thread-safe.
 */
public final class ProvisioningService {

    private final SubscriberStore store;
    private final String homeDomain;
    private final PrivateIdentityProvisioning privateIdentities;

    public ProvisioningService(SubscriberStore store, String homeDomain) {
        this.store = store;
        this.homeDomain = SubscriberFactory.required("homeDomain", homeDomain);
        this.privateIdentities = new PrivateIdentityProvisioning(store);
    }

    /** Saves the {@link DefaultIfcTemplates} that do not exist yet (an operator's edits are kept); returns their names. */
    public List<String> installDefaultTemplates() {
        List<String> installed = new ArrayList<>();
        for (IfcTemplate template : DefaultIfcTemplates.forHomeDomain(homeDomain)) {
            if (store.profiles().ifcTemplate(template.name()).isEmpty()) {
                store.profiles().saveIfcTemplate(template);
                installed.add(template.name());
            }
        }
        return installed;
    }

    /** Adds one subscriber in one transaction and returns it as {@link #showSubscriber} would. */
    public SubscriberView addSubscriber(NewSubscriber request) {
        NewSubscription subscription = new SubscriberFactory(store.profiles()).build(request);
        checkFree(store, subscription);
        try {
            store.subscriptions().createSubscriptions(List.of(subscription));
        } catch (StoreException e) {
            throw translate(e);
        }
        return showSubscriber(subscription.subscription().id());
    }

    public SubscriberView showSubscriber(String subscriptionId) {
        SubscriptionRecord subscription = store.subscriptions().subscription(subscriptionId)
                .orElseThrow(() -> ProvisioningException.notFound("subscriber " + subscriptionId + " does not exist"));
        return new SubscriberView(subscription, store.identities().privateIdentities(subscriptionId),
                store.identities().publicIdentities(subscriptionId));
    }

    /** The subscriber owning {@code identity}: an IMPI ({@code user@realm}) or an IMPU (a URI). */
    public SubscriberView findSubscriber(String identity) {
        String text = SubscriberFactory.required("identity", identity);
        boolean uri = text.regionMatches(true, 0, "sip:", 0, 4) || text.regionMatches(true, 0, "sips:", 0, 5)
                || text.regionMatches(true, 0, "tel:", 0, 4);
        Optional<String> subscriptionId = uri
                ? store.identities().findPublicIdentity(SubscriberFactory.parse("identity", () -> new Impu(text)))
                        .map(PublicIdentityRecord::subscriptionId)
                : store.identities().privateIdentity(SubscriberFactory.parse("identity", () -> new Impi(text)))
                        .map(PrivateIdentityRecord::subscriptionId);
        return showSubscriber(subscriptionId.orElseThrow(
                () -> ProvisioningException.notFound("no subscriber has identity " + text)));
    }

    public Page<SubscriberView> listSubscribers(PageRequest page) {
        Page<SubscriptionRecord> subscriptions = store.subscriptions().subscriptions(page);
        List<String> ids = subscriptions.items().stream().map(SubscriptionRecord::id).toList();
        Map<String, List<PrivateIdentityRecord>> privates = new LinkedHashMap<>();
        store.identities().privateIdentitiesOfSubscriptions(ids)
                .forEach(r -> privates.computeIfAbsent(r.subscriptionId(), k -> new ArrayList<>()).add(r));
        Map<String, List<PublicIdentityRecord>> publics = new LinkedHashMap<>();
        store.identities().publicIdentitiesOfSubscriptions(ids)
                .forEach(r -> publics.computeIfAbsent(r.subscriptionId(), k -> new ArrayList<>()).add(r));
        List<SubscriberView> views = subscriptions.items().stream().map(s -> new SubscriberView(s,
                privates.getOrDefault(s.id(), List.of()), publics.getOrDefault(s.id(), List.of()))).toList();
        return new Page<>(views, subscriptions.offset(), subscriptions.limit(), subscriptions.total());
    }

    /** Changes keys, AMF, SQN or password of one private identity; see {@link CredentialsChange}. */
    public PrivateIdentityRecord updateCredentials(String impi, CredentialsChange change) {
        Impi id = SubscriberFactory.parse("impi", () -> new Impi(SubscriberFactory.required("impi", impi)));
        if (change.isEmpty()) {
            throw ProvisioningException.invalid("credentials", "nothing to change");
        }
        if (change.sqn() != null && (change.sqn() < 0 || change.sqn() > Sqn.MAX)) {
            throw ProvisioningException.invalid("sqn", "must be 0 to " + Sqn.MAX + ", was " + change.sqn());
        }
        ImpiCredentials current = store.authenticationCentre().credentials(id)
                .orElseThrow(() -> ProvisioningException.notFound("private identity " + id + " does not exist"));
        Optional<AkaKeys> aka = changedKeys(current.aka(), change);
        Optional<DigestSecret> digest = change.password() == null ? current.digest()
                : Optional.of(SubscriberFactory.parse("password", () -> new DigestSecret.Password(change.password())));
        ImpiCredentials updated = SubscriberFactory.parse(null, () -> new ImpiCredentials(id,
                SubscriberFactory.schemesFor(aka, digest), aka, digest, current.sqn()));
        try {
            store.authenticationCentre().updateCredentials(updated);
            if (change.sqn() != null) {
                store.authenticationCentre().updateSqn(id, change.sqn());
            }
        } catch (StoreException e) {
            throw translate(e);
        }
        return store.identities().privateIdentity(id).orElseThrow();
    }

    /**
     * Changes the credentials of the private identity {@code identity} and public identities of its subscriber in
     * one store transaction: everything applies or, when any part is refused or fails, nothing does. The public
     * identities are checked to belong to the subscriber first, then the credentials change (see
     * {@link #updateCredentials}), then each identity in iteration order (see {@link #updatePublicIdentity}).
     * Refusals of the {@code i}th identity name the field under {@code publicIdentities[i].}, as in the admin API's
     * PATCH body.
     *
     * @param identity         the subscriber's private identity
     * @param credentials      the credentials change, or null for none
     * @param publicIdentities IMPU text to its change, in the order to report fields in (may be empty)
     * @return the subscriber after the change
     */
    public SubscriberView updateSubscriber(String identity, CredentialsChange credentials,
                                           Map<String, PublicIdentityChange> publicIdentities) {
        boolean changesCredentials = credentials != null && !credentials.isEmpty();
        if (!changesCredentials && publicIdentities.isEmpty()) {
            throw ProvisioningException.invalid("credentials", "nothing to change");
        }
        try {
            return store.inTransaction(() -> {
                SubscriberView subscriber = findSubscriber(identity);
                int index = 0;
                for (String impu : publicIdentities.keySet()) {
                    String field = "publicIdentities[" + index++ + "].impu";
                    Impu id = SubscriberFactory.parse(field, () -> new Impu(SubscriberFactory.required(field, impu)));
                    PublicIdentityRecord current = store.identities().publicIdentity(id).orElseThrow(
                            () -> ProvisioningException.notFound(field, "public identity " + id + " does not exist"));
                    if (!current.subscriptionId().equals(subscriber.subscription().id())) {
                        throw ProvisioningException.notFound(field, "public identity " + id
                                + " belongs to another subscriber");
                    }
                }
                if (changesCredentials) {
                    updateCredentials(identity, credentials);
                }
                index = 0;
                for (Map.Entry<String, PublicIdentityChange> change : publicIdentities.entrySet()) {
                    String prefix = "publicIdentities[" + index++ + "].";
                    try {
                        updatePublicIdentity(change.getKey(), change.getValue());
                    } catch (ProvisioningException e) {
                        throw e.under(prefix, "impu");
                    }
                }
                return showSubscriber(subscriber.subscription().id());
            });
        } catch (StoreException e) {
            throw translate(e);
        }
    }

    /** Changes barring, profile, display name or implicit set of one public identity. */
    public PublicIdentityRecord updatePublicIdentity(String impu, PublicIdentityChange change) {
        Impu id = SubscriberFactory.parse("impu", () -> new Impu(SubscriberFactory.required("impu", impu)));
        PublicIdentityRecord current = store.identities().publicIdentity(id)
                .orElseThrow(() -> ProvisioningException.notFound("public identity " + id + " does not exist"));
        String profile = change.profile() == null && change.ifcTemplates() == null ? current.serviceProfile()
                : new SubscriberFactory(store.profiles()).profileFor(change.profile(), change.ifcTemplates());
        Optional<String> displayName = change.displayName() == null ? current.displayName()
                : Optional.of(change.displayName()).filter(name -> !name.isEmpty());
        PublicIdentityRecord updated = SubscriberFactory.parse(null, () -> new PublicIdentityRecord(current.impu(),
                current.subscriptionId(), profile, current.identityType(),
                change.barred() == null ? current.barred() : change.barred(),
                change.implicitSet() == null ? current.implicitSet() : change.implicitSet(),
                current.aliasGroup(), displayName, current.privateIdentities()));
        try {
            store.identities().updatePublicIdentity(updated);
        } catch (StoreException e) {
            throw translate(e);
        }
        return updated;
    }

    /**
     * Adds a public identity to an existing subscription, usable by all its private identities; fields of
     * {@code settings} left null take the defaults: unbarred, the {@code default} profile, no display name,
     * implicit set 0 (registering together with the subscriber's other set-0 identities, TS 23.228 §5.2.1a).
     */
    public PublicIdentityRecord addPublicIdentity(String subscriptionId, String impu, PublicIdentityChange settings) {
        SubscriberView subscriber = showSubscriber(subscriptionId);
        Impu id = SubscriberFactory.parse("impu", () -> new Impu(SubscriberFactory.required("impu", impu)));
        if (store.identities().publicIdentity(id).isPresent()) {
            throw ProvisioningException.conflict("impu", "public identity " + id + " exists already");
        }
        String profile = new SubscriberFactory(store.profiles()).profileFor(settings.profile(), settings.ifcTemplates());
        Set<Impi> users = new TreeSet<>();
        subscriber.privateIdentities().forEach(record -> users.add(record.impi()));
        PublicIdentityRecord record = SubscriberFactory.parse("impu", () -> new PublicIdentityRecord(id,
                subscriber.subscription().id(), profile, IdentityType.PUBLIC_USER_IDENTITY,
                settings.barred() != null && settings.barred(),
                settings.implicitSet() == null ? 0 : settings.implicitSet(), Optional.empty(),
                Optional.ofNullable(settings.displayName()).filter(name -> !name.isEmpty()), users));
        try {
            store.identities().createPublicIdentity(record);
        } catch (StoreException e) {
            if (e.reason() == StoreException.Reason.DUPLICATE) {
                throw ProvisioningException.conflict("impu", "public identity " + id + " exists already");
            }
            throw translate(e);
        }
        return store.identities().publicIdentity(id).orElse(record);
    }

    /**
     * Removes one public identity of a subscription. Every private identity must keep a SIP URI to register with
     * (a tel URI cannot be the default public identity, TS 23.228 §4.3.3.2), so the last one is refused.
     */
    public void removePublicIdentity(String subscriptionId, String impu) {
        SubscriberView subscriber = showSubscriber(subscriptionId);
        Impu id = SubscriberFactory.parse("impu", () -> new Impu(SubscriberFactory.required("impu", impu)));
        PublicIdentityRecord removed = store.identities().publicIdentity(id)
                .filter(record -> record.subscriptionId().equals(subscriber.subscription().id()))
                .orElseThrow(() -> ProvisioningException.notFound("subscriber " + subscriptionId
                        + " has no public identity " + id));
        if (subscriber.publicIdentities().size() == 1) {
            throw ProvisioningException.conflict("impu", "public identity " + id + " is the subscriber's last one");
        }
        for (Impi user : removed.privateIdentities()) {
            boolean keepsSip = removed.impu().isTel() || subscriber.publicIdentities().stream()
                    .anyMatch(other -> !other.impu().equals(removed.impu()) && !other.impu().isTel()
                            && other.privateIdentities().contains(user));
            if (!keepsSip) {
                throw ProvisioningException.conflict("impu", "public identity " + id
                        + " is the last SIP URI (the default public identity) of private identity " + user);
            }
        }
        if (!store.identities().deletePublicIdentity(removed.impu())) {
            throw ProvisioningException.notFound("public identity " + id + " does not exist");
        }
    }

    /**
     * Adds a private identity with its credentials to an existing subscription, in one transaction; it may use every
     * public user identity of the subscription. Refusals: NOT_FOUND for the subscription; INVALID naming the field
     * (as for {@link #addSubscriber}); CONFLICT naming {@code impi} when the identity exists already.
     *
     * @return the new identity, without secrets
     */
    public PrivateIdentityRecord addPrivateIdentity(String subscriptionId, NewPrivateIdentity request) {
        return privateIdentities.add(subscriptionId, request);
    }

    /**
     * Removes one private identity of a subscription with its credentials. The subscription keeps at least one
     * (CONFLICT naming {@code impi}; delete the subscriber instead), and a private identity that alone uses a
     * public user identity stays as well. NOT_FOUND: without a field for the subscription, naming {@code impi}
     * when the subscription has no such private identity.
     */
    public void removePrivateIdentity(String subscriptionId, String impi) {
        privateIdentities.remove(subscriptionId, impi);
    }

    /** Deletes a subscriber with all its identities. */
    public void deleteSubscriber(String subscriptionId) {
        if (!store.subscriptions().deleteSubscription(SubscriberFactory.required("subscriptionId", subscriptionId))) {
            throw ProvisioningException.notFound("subscriber " + subscriptionId + " does not exist");
        }
    }

    /**
     * Imports subscribers from CSV in batches of 1000 rows. The first line names the columns, in any order:
     * <pre>
     * impi           private identity, user@realm                       (required)
     * impu           default public identity, sip: URI                  (required)
     * tel            tel URI in the same implicit set
     * subscription   subscription id (default: impi)
     * k, op, opc     32 hex digits each; k with exactly one of op and opc
     * amf            4 hex digits (default 8000)
     * sqn            decimal SQN of the first vector (default 0)
     * password       SIP digest password
     * profile        existing service profile
     * ifc_templates  iFC template names separated by ';' (instead of profile)
     * </pre>
     * Fields may be double-quoted (RFC 4180); each row needs AKA keys or a password. Bad rows are reported by
     * line and column and the others are imported; a bad header refuses the whole file.
     */
    public ImportResult importCsv(Reader csv) {
        return importCsv(csv, CsvSubscriberImporter.DEFAULT_BATCH_SIZE);
    }

    /** Imports subscribers from CSV, each batch of {@code batchSize} rows in one transaction. */
    public ImportResult importCsv(Reader csv, int batchSize) {
        return new CsvSubscriberImporter(store, new SubscriberFactory(store.profiles()), batchSize).run(csv);
    }

    /** Refuses a subscription whose identities or id exist already, naming the field (identities first). */
    static void checkFree(SubscriberStore store, NewSubscription subscription) {
        for (ImpiCredentials credentials : subscription.privateIdentities()) {
            if (store.identities().privateIdentity(credentials.impi()).isPresent()) {
                throw ProvisioningException.conflict("impi", "private identity " + credentials.impi()
                        + " exists already");
            }
        }
        for (PublicIdentityRecord identity : subscription.publicIdentities()) {
            if (store.identities().publicIdentity(identity.impu()).isPresent()) {
                throw ProvisioningException.conflict(identity.impu().isTel() ? "tel" : "impu",
                        "public identity " + identity.impu() + " exists already");
            }
        }
        String id = subscription.subscription().id();
        if (store.subscriptions().subscription(id).isPresent()) {
            throw ProvisioningException.conflict("subscriptionId", "subscriber " + id + " exists already");
        }
    }

    static ProvisioningException translate(StoreException e) {
        return switch (e.reason()) {
            case NOT_FOUND -> ProvisioningException.notFound(e.getMessage());
            case DUPLICATE, CONSTRAINT -> ProvisioningException.conflict(e.getMessage(), e);
            case NO_AKA_KEYS -> ProvisioningException.invalid("k", e.getMessage(), e);
            case UNAVAILABLE -> throw e;
        };
    }

    private static Optional<AkaKeys> changedKeys(Optional<AkaKeys> current, CredentialsChange change) {
        if (change.k() == null && change.op() == null && change.opc() == null && change.amf() == null) {
            return current;
        }
        if (current.isEmpty() && (change.k() == null || change.op() == null && change.opc() == null)) {
            throw ProvisioningException.invalid("k", "a private identity without AKA keys needs k with op or opc");
        }
        String k = change.k() != null ? change.k() : Hex.encode(current.get().k());
        String op = change.op();
        String opc = change.opc();
        if (op == null && opc == null) {
            String stored = Hex.encode(current.get().operatorKey());
            boolean storedOp = current.get().operatorKeyKind() == AkaKeys.OperatorKeyKind.OP;
            op = storedOp ? stored : null;
            opc = storedOp ? null : stored;
        }
        String amf = change.amf() != null ? change.amf()
                : current.map(keys -> Hex.encode(keys.amf())).orElse(AkaKeys.DEFAULT_AMF);
        String finalOp = op;
        String finalOpc = opc;
        return Optional.of(SubscriberFactory.parse(null, () -> AkaKeys.fromHex(k, finalOp, finalOpc, amf)));
    }
}
