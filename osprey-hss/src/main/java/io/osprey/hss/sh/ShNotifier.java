package io.osprey.hss.sh;

import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_IMS_USER_STATE;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_REPOSITORY_DATA;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_S_CSCF_NAME;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RepositoryData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Push-Notification requests (TS 29.328 §6.1.4, TS 29.329 §6.1.4) to the ASs subscribed to changed data,
 * each to the Origin-Host and Origin-Realm of its SNR, with the new data in User-Data. Each method completes
 * with the number of ASs that answered DIAMETER_SUCCESS; a failed PNR is logged and not retried.
 */
public final class ShNotifier {

    private static final Logger log = LoggerFactory.getLogger(ShNotifier.class);

    private final DiameterNode node;
    private final ShSubscriptions subscriptions;
    private final ShUserDataReader reader;
    private final Executor blockingExecutor;
    private final Clock clock;

    ShNotifier(DiameterNode node, ShSubscriptions subscriptions, ShUserDataReader reader, Executor blockingExecutor,
               Clock clock) {
        this.node = node;
        this.subscriptions = subscriptions;
        this.reader = reader;
        this.blockingExecutor = blockingExecutor;
        this.clock = clock;
    }

    /** Repository data of {@code impu} changed (or, without ServiceData, was deleted). */
    public CompletableFuture<Integer> repositoryDataChanged(String impu, RepositoryData data) {
        List<ShSubscription> targets = subscriptions.subscribers(impu, DATA_REFERENCE_REPOSITORY_DATA,
                data.serviceIndication(), clock.instant());
        byte[] userData = ShDataXmlWriter.writeBytes(new ShData(List.of(), List.of(data), Optional.empty()));
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (ShSubscription target : targets) {
            sent.add(push(target.asHost(), target.asRealm(), impu, userData));
        }
        return countSuccesses(sent);
    }

    /**
     * The registration state or S-CSCF of {@code impu} changed, e.g. after a Cx SAR or a provisioning change:
     * every AS subscribed to IMSUserState or S-CSCFName gets the current values it subscribed to.
     */
    public CompletableFuture<Integer> imsUserStateChanged(String impu) {
        return CompletableFuture.supplyAsync(() -> reader.resolve(impu), blockingExecutor).thenCompose(record -> {
            if (record.isEmpty()) {
                return CompletableFuture.completedFuture(0);
            }
            String key = record.get().impu().uri();
            Map<String, AsTarget> byAs = new LinkedHashMap<>();
            for (int reference : new int[] {DATA_REFERENCE_IMS_USER_STATE, DATA_REFERENCE_S_CSCF_NAME}) {
                for (ShSubscription s : subscriptions.subscribers(key, reference, null, clock.instant())) {
                    byAs.computeIfAbsent(s.asHost(), h -> new AsTarget(s.asRealm(), new TreeSet<>()))
                            .references().add(reference);
                }
            }
            return sendCurrentData(record.get(), byAs);
        });
    }

    /**
     * As {@link #imsUserStateChanged}, for the stored URI of an identity whose registration Cx just changed:
     * without a subscriber, which is the common case, it costs a map lookup and no store read. Returns at once;
     * the PNRs go out on the blocking executor and the network.
     */
    public CompletableFuture<Integer> registrationChanged(String storedImpu) {
        Instant now = clock.instant();
        if (subscriptions.subscribers(storedImpu, DATA_REFERENCE_IMS_USER_STATE, null, now).isEmpty()
                && subscriptions.subscribers(storedImpu, DATA_REFERENCE_S_CSCF_NAME, null, now).isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        return imsUserStateChanged(storedImpu);
    }

    private CompletableFuture<Integer> sendCurrentData(PublicIdentityRecord record, Map<String, AsTarget> byAs) {
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (Map.Entry<String, AsTarget> target : byAs.entrySet()) {
            CompletableFuture<Boolean> one = CompletableFuture.supplyAsync(() -> ShDataXmlWriter.writeBytes(
                            reader.read(record, target.getValue().references(), List.of(), List.of(), Optional.empty())),
                    blockingExecutor).thenCompose(userData -> push(target.getKey(), target.getValue().realm(),
                    record.impu().uri(), userData)).exceptionally(failure -> {
                        log.warn("PNR for {} to {} not sent: {}", record.impu(), target.getKey(), failure.toString());
                        return false;
                    });
            sent.add(one);
        }
        return countSuccesses(sent);
    }

    private CompletableFuture<Boolean> push(String asHost, String asRealm, String impu, byte[] userData) {
        DiameterMessage pnr = DiameterMessage.request(ShDictionary.PUSH_NOTIFICATION, node.identity())
                .destinationHost(asHost).destinationRealm(asRealm)
                .add(ShDictionary.USER_IDENTITY, Avps.of(CxDictionary.PUBLIC_IDENTITY, impu))
                .add(ShDictionary.USER_DATA, userData)
                .build();
        return node.send(pnr).handle((pna, failure) -> {
            if (failure != null) {
                log.warn("PNR for {} to {} failed: {}", impu, asHost, failure.toString());
                return false;
            }
            boolean success = pna.result().map(r -> r.isSuccess()).orElse(false);
            if (!success) {
                log.info("PNR for {} to {} answered {}", impu, asHost, pna.result().orElse(null));
            }
            return success;
        });
    }

    private static CompletableFuture<Integer> countSuccesses(List<CompletableFuture<Boolean>> sent) {
        return CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .thenApply(done -> (int) sent.stream().filter(CompletableFuture::join).count());
    }

    private record AsTarget(String realm, TreeSet<Integer> references) {
    }
}
