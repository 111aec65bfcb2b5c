package io.osprey.hss.sh;

import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_IMS_USER_STATE;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_REPOSITORY_DATA;
import static io.osprey.diameter.dictionary.ShDictionary.DATA_REFERENCE_S_CSCF_NAME;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCode;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.dictionary.ShDictionary;
import io.osprey.diameter.dictionary.ShResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.RequestHandler;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RepositoryData;
import io.osprey.hss.sh.ShDataXmlParser.ShDataException;
import io.osprey.hss.store.RepositoryDataStore;
import io.osprey.hss.store.RepositoryDataStore.UpdateOutcome;
import io.osprey.hss.store.SubscriberStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The HSS side of Sh (TS 29.328 §6.1, TS 29.329 §6.1), application 16777217: UDR (read), PUR (update of
 * repository data only), SNR (subscribe/unsubscribe) and, through {@link ShNotifier}, PNR. Store work runs on
 * the given blocking executor (virtual threads), never on a Diameter I/O thread.
 *
 * <p>Result choices: unknown User-Identity → 5001 DIAMETER_ERROR_USER_UNKNOWN; a Data-Reference this HSS does
 * not serve in UDR → 5009 DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA (the TS 29.229 code, which TS 29.329 §6.2
 * reuses); PUR of IMSPublicIdentity, IMSUserState, S-CSCFName or InitialFilterCriteria → 5103
 * USER_DATA_CANNOT_BE_MODIFIED, of any other Data-Reference → 5101 OPERATION_NOT_ALLOWED; a PUR User-Data that
 * is not an Sh-Data document of RepositoryData → 5100 USER_DATA_NOT_RECOGNIZED; SNR for data this HSS never
 * notifies → 5104 USER_DATA_CANNOT_BE_NOTIFIED; RepositoryData without Service-Indication → 5005 MISSING_AVP.
 */
public final class ShServer {

    /** Subs-Req-Type values (TS 29.329 §6.3.6). */
    private static final int SUBSCRIBE = 0;
    private static final int UNSUBSCRIBE = 1;
    /** Send-Data-Indication USER_DATA_REQUESTED (TS 29.329 §6.3.17). */
    private static final int USER_DATA_REQUESTED = 1;

    private final DiameterNode node;
    private final ShUserDataReader reader;
    private final RepositoryDataStore repository;
    private final ShSubscriptions subscriptions;
    private final ShNotifier notifier;
    private final Executor blockingExecutor;
    private final Clock clock;

    private ShServer(DiameterNode node, SubscriberStore store, Executor blockingExecutor, Clock clock) {
        this.node = node;
        this.repository = store.repositoryData();
        this.reader = new ShUserDataReader(store);
        this.subscriptions = new ShSubscriptions();
        this.blockingExecutor = blockingExecutor;
        this.clock = clock;
        this.notifier = new ShNotifier(node, subscriptions, reader, blockingExecutor, clock);
    }

    /**
     * Serves UDR, PUR and SNR on {@code node}, whose configuration must include the Sh application, over
     * {@code store} (its {@link SubscriberStore#repositoryData() repository data} included).
     */
    public static ShServer register(DiameterNode node, SubscriberStore store, Executor blockingExecutor) {
        return register(node, store, blockingExecutor, Clock.systemUTC());
    }

    /** As {@link #register(DiameterNode, SubscriberStore, Executor)}, with the clock that expires subscriptions. */
    public static ShServer register(DiameterNode node, SubscriberStore store, Executor blockingExecutor,
                                    Clock clock) {
        return register(node, store, blockingExecutor, clock, UnaryOperator.identity());
    }

    /**
     * As {@link #register(DiameterNode, SubscriberStore, Executor, Clock)}, each handler wrapped by
     * {@code admission} (e.g. a bound on the requests served at once).
     */
    public static ShServer register(DiameterNode node, SubscriberStore store, Executor blockingExecutor,
                                    Clock clock, UnaryOperator<RequestHandler> admission) {
        ShServer server = new ShServer(node, store, blockingExecutor, clock);
        long app = ShDictionary.APPLICATION.id();
        node.register(app, ShDictionary.USER_DATA_COMMAND.code(), admission.apply(server.async(server::userData)));
        node.register(app, ShDictionary.PROFILE_UPDATE.code(), admission.apply(server.async(server::profileUpdate)));
        node.register(app, ShDictionary.SUBSCRIBE_NOTIFICATIONS.code(),
                admission.apply(server.async(server::subscribe)));
        return server;
    }

    /** Sends PNRs; the lead calls it when provisioning or Cx changes IMS user state. */
    public ShNotifier notifier() {
        return notifier;
    }

    public ShSubscriptions subscriptions() {
        return subscriptions;
    }

    private RequestHandler async(Function<DiameterMessage, DiameterMessage> handler) {
        return request -> CompletableFuture.supplyAsync(() -> handler.apply(request), blockingExecutor);
    }

    /** UDR → UDA (TS 29.328 §6.1.1). */
    DiameterMessage userData(DiameterMessage udr) {
        Optional<PublicIdentityRecord> identity = ShUserIdentity.of(udr).flatMap(reader::resolve);
        if (identity.isEmpty()) {
            return answer(udr, CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN).build();
        }
        List<Integer> references = enumerated(udr, ShDictionary.DATA_REFERENCE);
        for (int reference : references) {
            if (!ShUserDataReader.supports(reference)) {
                return answer(udr, CxResultCodes.DIAMETER_ERROR_NOT_SUPPORTED_USER_DATA)
                        .errorMessage("Data-Reference " + reference + " is not served by this HSS").build();
            }
        }
        List<String> serviceIndications = serviceIndications(udr);
        if (references.contains(DATA_REFERENCE_REPOSITORY_DATA) && serviceIndications.isEmpty()) {
            return missingServiceIndication(udr);
        }
        ShData data = reader.read(identity.get(), references, serviceIndications,
                enumerated(udr, ShDictionary.IDENTITY_SET),
                udr.avp(CxDictionary.SERVER_NAME).map(Avp::asUtf8));
        return answer(udr, ResultCodes.DIAMETER_SUCCESS)
                .add(ShDictionary.USER_DATA, ShDataXmlWriter.writeBytes(data)).build();
    }

    /** PUR → PUA (TS 29.328 §6.1.2), repository data only; subscribers are notified after the update. */
    DiameterMessage profileUpdate(DiameterMessage pur) {
        Optional<PublicIdentityRecord> identity = ShUserIdentity.of(pur).flatMap(reader::resolve);
        if (identity.isEmpty()) {
            return answer(pur, CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN).build();
        }
        for (int reference : enumerated(pur, ShDictionary.DATA_REFERENCE)) {
            if (reference != DATA_REFERENCE_REPOSITORY_DATA) {
                return answer(pur, ShUserDataReader.supports(reference)
                        ? ShResultCodes.DIAMETER_ERROR_USER_DATA_CANNOT_BE_MODIFIED
                        : ShResultCodes.DIAMETER_ERROR_OPERATION_NOT_ALLOWED)
                        .errorMessage("Data-Reference " + reference + " cannot be updated over Sh").build();
            }
        }
        List<RepositoryData> items;
        try {
            items = ShDataXmlParser.repositoryData(pur.avp(ShDictionary.USER_DATA).orElseThrow().asOctets());
        } catch (ShDataException e) {
            return answer(pur, ShResultCodes.DIAMETER_ERROR_USER_DATA_NOT_RECOGNIZED).errorMessage(e.getMessage())
                    .build();
        }
        String impu = identity.get().impu().uri();
        for (RepositoryData item : items) {
            if (repository.update(impu, item) == UpdateOutcome.OUT_OF_SYNC) {
                return answer(pur, ShResultCodes.DIAMETER_ERROR_TRANSPARENT_DATA_OUT_OF_SYNC)
                        .errorMessage("SequenceNumber " + item.sequenceNumber() + " of ServiceIndication "
                                + item.serviceIndication() + " does not follow the stored one").build();
            }
            notifier.repositoryDataChanged(impu, item);
        }
        return answer(pur, ResultCodes.DIAMETER_SUCCESS).build();
    }

    /** SNR → SNA (TS 29.328 §6.1.3). */
    DiameterMessage subscribe(DiameterMessage snr) {
        Optional<PublicIdentityRecord> identity = ShUserIdentity.of(snr).flatMap(reader::resolve);
        if (identity.isEmpty()) {
            return answer(snr, CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN).build();
        }
        List<Integer> references = enumerated(snr, ShDictionary.DATA_REFERENCE);
        for (int reference : references) {
            if (reference != DATA_REFERENCE_REPOSITORY_DATA && reference != DATA_REFERENCE_IMS_USER_STATE
                    && reference != DATA_REFERENCE_S_CSCF_NAME) {
                return answer(snr, ShResultCodes.DIAMETER_ERROR_USER_DATA_CANNOT_BE_NOTIFIED)
                        .errorMessage("changes of Data-Reference " + reference + " are not notified").build();
            }
        }
        List<String> serviceIndications = serviceIndications(snr);
        if (references.contains(DATA_REFERENCE_REPOSITORY_DATA) && serviceIndications.isEmpty()) {
            return missingServiceIndication(snr);
        }
        String impu = identity.get().impu().uri();
        String asHost = snr.avp(BaseDictionary.ORIGIN_HOST).orElseThrow().asDiameterIdentity();
        String asRealm = snr.avp(BaseDictionary.ORIGIN_REALM).orElseThrow().asDiameterIdentity();
        Optional<Instant> expiry = snr.avp(ShDictionary.EXPIRY_TIME).map(Avp::asTime);
        Avp subsReqType = snr.avp(ShDictionary.SUBS_REQ_TYPE).orElseThrow();
        if (subsReqType.asEnumerated() != SUBSCRIBE && subsReqType.asEnumerated() != UNSUBSCRIBE) {
            return answer(snr, ResultCodes.DIAMETER_INVALID_AVP_VALUE).failedAvp(subsReqType)
                    .errorMessage("Subs-Req-Type " + subsReqType.asEnumerated() + " is neither 0 nor 1").build();
        }
        boolean subscribe = subsReqType.asEnumerated() == SUBSCRIBE;
        for (ShSubscription subscription : subscriptionsOf(asHost, asRealm, impu, references, serviceIndications,
                expiry)) {
            if (!subscribe) {
                subscriptions.unsubscribe(asHost, impu, subscription.dataReference(),
                        subscription.serviceIndication().orElse(null));
            } else if (!subscriptions.subscribe(subscription)) {
                return answer(snr, ResultCodes.DIAMETER_UNABLE_TO_COMPLY)
                        .errorMessage("the HSS holds " + ShSubscriptions.MAX_SUBSCRIPTIONS
                                + " Sh subscriptions, its limit").build();
            }
        }
        AnswerBuilder sna = answer(snr, ResultCodes.DIAMETER_SUCCESS);
        boolean sendData = snr.avp(ShDictionary.SEND_DATA_INDICATION).map(Avp::asEnumerated).orElse(0)
                == USER_DATA_REQUESTED;
        if (subscribe && sendData) {
            sna.add(ShDictionary.USER_DATA, ShDataXmlWriter.writeBytes(reader.read(identity.get(), references,
                    serviceIndications, List.of(), Optional.empty())));
        }
        if (subscribe) {
            expiry.ifPresent(time -> sna.add(Avps.of(ShDictionary.EXPIRY_TIME, time)));
        }
        return sna.build();
    }

    private static List<ShSubscription> subscriptionsOf(String asHost, String asRealm, String impu,
                                                        List<Integer> references, List<String> serviceIndications,
                                                        Optional<Instant> expiry) {
        List<ShSubscription> out = new ArrayList<>();
        for (int reference : references) {
            if (reference == DATA_REFERENCE_REPOSITORY_DATA) {
                for (String si : serviceIndications) {
                    out.add(new ShSubscription(asHost, asRealm, impu, reference, Optional.of(si), expiry));
                }
            } else {
                out.add(new ShSubscription(asHost, asRealm, impu, reference, Optional.empty(), expiry));
            }
        }
        return out;
    }

    private DiameterMessage missingServiceIndication(DiameterMessage request) {
        return answer(request, ResultCodes.DIAMETER_MISSING_AVP)
                .failedAvp(Avps.zeroFilled(ShDictionary.SERVICE_INDICATION))
                .errorMessage("Data-Reference RepositoryData needs a Service-Indication").build();
    }

    private AnswerBuilder answer(DiameterMessage request, ResultCode result) {
        return DiameterMessage.answerTo(request, node.identity()).result(result);
    }

    private static List<Integer> enumerated(DiameterMessage request, AvpDefinition def) {
        List<Integer> out = new ArrayList<>();
        for (Avp avp : request.avps(def)) {
            out.add(avp.asEnumerated());
        }
        return out;
    }

    private static List<String> serviceIndications(DiameterMessage request) {
        List<String> out = new ArrayList<>();
        for (Avp avp : request.avps(ShDictionary.SERVICE_INDICATION)) {
            out.add(avp.asUtf8());
        }
        return out;
    }
}
