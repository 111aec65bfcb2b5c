package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CommandDefinition;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.RequestBuilder;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.PrivateIdentityRecord;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * HSS-initiated Cx requests to an S-CSCF, addressed by its Diameter host: Registration-Termination (RTR,
 * TS 29.228 §6.1.3) and Push-Profile (PPR, §6.1.4). After an RTA with a 2xxx result to a
 * {@link #terminateRegistration} the listed identities' implicit sets are NOT_REGISTERED with no S-CSCF. The answer
 * future completes with the S-CSCF's answer.
 */
public final class CxNotifier {

    private final DiameterNode node;
    private final SubscriberStore store;
    private final Executor executor;
    private final RegistrationListener listener;
    private final ImsSubscriptionXmlWriter xml = new ImsSubscriptionXmlWriter();

    public CxNotifier(DiameterNode node, SubscriberStore store, Executor executor) {
        this(node, store, executor, RegistrationListener.NONE);
    }

    /** As the other constructor; {@code listener} hears of the deregistrations answered RTRs make. */
    public CxNotifier(DiameterNode node, SubscriberStore store, Executor executor, RegistrationListener listener) {
        this.node = Objects.requireNonNull(node, "node");
        this.store = Objects.requireNonNull(store, "store");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Sends RTR for {@code impi} and {@code impus} (empty: all its identities) with a Deregistration-Reason. */
    public CompletableFuture<DiameterMessage> terminateRegistration(String scscfHost, Impi impi, List<Impu> impus,
                                                                    int reasonCode, Optional<String> reasonInfo) {
        return node.send(registrationTermination(scscfHost, impi, impus, reasonCode, reasonInfo))
                .thenApplyAsync(answer -> {
                    if (answer.result().map(r -> r.isSuccess()).orElse(false)) {
                        List<Impu> cleared = impus.isEmpty() ? store.identities().publicIdentitiesOf(impi).stream()
                                .map(r -> r.impu()).toList() : impus;
                        for (Impu impu : cleared) {
                            clear(impu);
                        }
                    }
                    return answer;
                }, executor);
    }

    /**
     * Sends RTR with NEW_SERVER_ASSIGNED (TS 29.228 §6.1.3, Table 6.1.3.1: the Public-Identities are then
     * required) to {@code previousScscf}, whose users {@code impus} another S-CSCF took over with a MAR. The HSS's
     * own state already names the new S-CSCF and is left alone, whatever the answer. Addressed as
     * {@link #servingScscf} addresses an RTR: by the Origin-Host of that S-CSCF's last SAR.
     */
    public CompletableFuture<DiameterMessage> newServerAssigned(String previousScscf, Impi impi, List<Impu> impus) {
        if (impus.isEmpty()) {
            throw new IllegalArgumentException("NEW_SERVER_ASSIGNED names the public identities; none given");
        }
        return node.send(registrationTermination(diameterHostFor(previousScscf), impi, impus,
                CxDictionary.REASON_NEW_SERVER_ASSIGNED, Optional.of("another S-CSCF serves the user")));
    }

    private DiameterMessage registrationTermination(String scscfHost, Impi impi, List<Impu> impus, int reasonCode,
                                                    Optional<String> reasonInfo) {
        RequestBuilder request = request(CxDictionary.REGISTRATION_TERMINATION, scscfHost)
                .add(BaseDictionary.USER_NAME, impi.value());
        impus.forEach(impu -> request.add(CxDictionary.PUBLIC_IDENTITY, impu.uri()));
        request.add(reasonInfo.isPresent()
                ? Avps.of(CxDictionary.DEREGISTRATION_REASON, Avps.of(CxDictionary.REASON_CODE, reasonCode),
                        Avps.of(CxDictionary.REASON_INFO, reasonInfo.get()))
                : Avps.of(CxDictionary.DEREGISTRATION_REASON, Avps.of(CxDictionary.REASON_CODE, reasonCode)));
        return request.build();
    }

    /**
     * Where a network-initiated deregistration of {@code impu} goes (TS 29.228 §6.1.3): the S-CSCF its implicit set
     * is assigned to, and a private identity of the set for the RTR's User-Name. Empty when the set is
     * NOT_REGISTERED. The S-CSCF is addressed by the Origin-Host of its last SAR (TS 29.228 Tables 6.1.3.1 and
     * 6.1.4.1), which the HSS records per Server-Name; for a Server-Name no SAR has come from since that was
     * recorded (a store written before this version), by the host of the Server-Name, as Osprey's S-CSCF names
     * its Diameter node ({@code scscf.<home>}) and its SIP URI alike.
     *
     * @throws StoreException NOT_FOUND when no such public identity is provisioned
     */
    public Optional<RegistrationTermination> servingScscf(Impu impu) {
        PublicIdentityRecord identity = store.identities().publicIdentity(impu)
                .orElseThrow(() -> new StoreException(StoreException.Reason.NOT_FOUND,
                        "public identity " + impu.uri() + " does not exist"));
        Optional<ImpuRegistration> registration = store.identities().registration(impu);
        if (registration.isEmpty() || registration.get().state() == RegistrationState.NOT_REGISTERED
                || registration.get().scscfName().isEmpty()) {
            return Optional.empty();
        }
        String scscfName = registration.get().scscfName().get();
        Optional<Impi> impi = store.identities().privateIdentities(identity.subscriptionId()).stream()
                .map(PrivateIdentityRecord::impi)
                .filter(candidate -> store.identities().isAssociated(candidate, impu))
                .findFirst();
        String diameterHost = diameterHostFor(scscfName);
        return impi.map(owner -> new RegistrationTermination(scscfName, diameterHost, owner));
    }

    /** An RTR's addressee and User-Name, found by {@link #servingScscf}. */
    public record RegistrationTermination(String scscfName, String diameterHost, Impi impi) {
    }

    private String diameterHostFor(String scscfName) {
        return store.identities().scscfOrigin(scscfName).orElseGet(() -> diameterHostOf(scscfName));
    }

    /** The host of a Server-Name such as {@code sip:scscf.ims.test:6060;transport=tcp}: {@code scscf.ims.test}. */
    static String diameterHostOf(String serverName) {
        String rest = serverName;
        int colon = rest.indexOf(':');
        if (colon >= 0 && (rest.startsWith("sip:") || rest.startsWith("sips:"))) {
            rest = rest.substring(colon + 1);
        }
        int end = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == ':' || c == ';' || c == '/' || c == '?') {
                end = i;
                break;
            }
        }
        return rest.substring(0, end);
    }

    /** Sends PPR with the current user profile of {@code impi} and the implicit set of {@code impu}. */
    public CompletableFuture<DiameterMessage> pushProfile(String scscfHost, Impi impi, Impu impu) {
        return CompletableFuture.supplyAsync(() -> store.subscriptions().userProfile(impi, impu), executor)
                .thenCompose(profile -> node.send(pushProfileRequest(scscfHost, impi, profile)));
    }

    private DiameterMessage pushProfileRequest(String scscfHost, Impi impi, Optional<ImsSubscription> profile) {
        RequestBuilder request = request(CxDictionary.PUSH_PROFILE, scscfHost).add(BaseDictionary.USER_NAME,
                impi.value());
        profile.ifPresent(p -> request.add(CxDictionary.USER_DATA, xml.writeBytes(p)));
        return request.build();
    }

    private RequestBuilder request(CommandDefinition command, String scscfHost) {
        return DiameterMessage.request(command, node.identity()).destinationHost(scscfHost)
                .destinationRealm(node.identity().originRealm());
    }

    private void clear(Impu impu) {
        try {
            List<ImpuRegistration> changed = store.identities().changeImplicitSetRegistration(impu,
                    RegistrationState.NOT_REGISTERED, Optional.empty());
            if (!changed.isEmpty()) {
                listener.registrationChanged(changed);
            }
        } catch (StoreException e) {
            if (e.reason() != StoreException.Reason.NOT_FOUND) {
                throw e;
            }
        }
    }
}
