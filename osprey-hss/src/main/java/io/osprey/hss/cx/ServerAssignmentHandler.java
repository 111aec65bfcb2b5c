package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.util.Optional;

/**
 * Server-Assignment (SAR/SAA, TS 29.228 §6.1.2.1; TS 29.229 §6.1.3–6.1.4) for the S-CSCF. For the implicit
 * set of the Public-Identity: REGISTRATION / RE_REGISTRATION store the S-CSCF and REGISTERED;
 * UNREGISTERED_USER stores UNREGISTERED (5005 IDENTITY_ALREADY_REGISTERED when another S-CSCF holds the
 * user); TIMEOUT / USER / ADMINISTRATIVE_DEREGISTRATION clear the S-CSCF and the _STORE_SERVER_NAME variants
 * keep it; NO_ASSIGNMENT only returns data (DIAMETER_UNABLE_TO_COMPLY to an S-CSCF that is not assigned);
 * AUTHENTICATION_FAILURE / _TIMEOUT change nothing. User-Data carries the IMS subscription XML unless the
 * S-CSCF has it already; other types answer 5007 IN_ASSIGNMENT_TYPE.
 */
final class ServerAssignmentHandler {

    private static final int SAT_TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME = 6;
    private static final int SAT_USER_DEREGISTRATION_STORE_SERVER_NAME = 7;
    private static final int USER_DATA_ALREADY_AVAILABLE = 1;

    private final SubscriberStore store;
    private final LocalIdentity local;
    private final ImsSubscriptionXmlWriter xml = new ImsSubscriptionXmlWriter();

    ServerAssignmentHandler(SubscriberStore store, LocalIdentity local) {
        this.store = store;
        this.local = local;
    }

    AnswerBuilder answer(DiameterMessage request) {
        Avp publicIdentity = request.avp(CxDictionary.PUBLIC_IDENTITY)
                .or(() -> request.avp(CxDictionary.WILDCARDED_PUBLIC_IDENTITY))
                .orElseThrow(() -> new CxFailure(ResultCodes.DIAMETER_MISSING_AVP, "SAR lacks Public-Identity",
                        Avps.zeroFilled(CxDictionary.PUBLIC_IDENTITY)));
        PublicIdentityRecord identity = CxRequests.knownPublicIdentity(store, CxRequests.impu(publicIdentity));
        Optional<Impi> requestedImpi = CxRequests.optionalImpi(request);
        if (requestedImpi.isPresent()) {
            CxRequests.requireAssociated(store, requestedImpi.get(), identity.impu());
        }
        Impi impi = requestedImpi.or(() -> identity.privateIdentities().stream().findFirst())
                .orElseThrow(() -> new CxFailure(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN,
                        identity.impu() + " has no private identity"));
        String serverName = CxRequests.required(request, CxDictionary.SERVER_NAME).asUtf8();
        int type = CxRequests.required(request, CxDictionary.SERVER_ASSIGNMENT_TYPE).asEnumerated();
        boolean dataAvailable = request.avp(CxDictionary.USER_DATA_ALREADY_AVAILABLE).map(Avp::asEnumerated)
                .orElse(0) == USER_DATA_ALREADY_AVAILABLE;
        Optional<ImpuRegistration> current = store.identities().registration(identity.impu());
        RegistrationState state = current.map(ImpuRegistration::state).orElse(RegistrationState.NOT_REGISTERED);
        Optional<String> assigned = current.filter(r -> r.state().hasServingScscf())
                .flatMap(ImpuRegistration::scscfName);
        boolean sendData = !dataAvailable;
        switch (type) {
            case CxDictionary.SAT_REGISTRATION, CxDictionary.SAT_RE_REGISTRATION ->
                    setState(identity, RegistrationState.REGISTERED, Optional.of(serverName));
            case CxDictionary.SAT_UNREGISTERED_USER -> {
                if (assigned.isPresent() && !assigned.get().equalsIgnoreCase(serverName)) {
                    throw new CxFailure(CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED,
                            identity.impu() + " is served by " + assigned.get());
                }
                if (state != RegistrationState.REGISTERED) {
                    setState(identity, RegistrationState.UNREGISTERED, Optional.of(serverName));
                }
            }
            case CxDictionary.SAT_NO_ASSIGNMENT -> {
                if (assigned.isEmpty() || !assigned.get().equalsIgnoreCase(serverName)) {
                    throw new CxFailure(ResultCodes.DIAMETER_UNABLE_TO_COMPLY,
                            serverName + " is not the S-CSCF assigned to " + identity.impu());
                }
            }
            case CxDictionary.SAT_TIMEOUT_DEREGISTRATION, CxDictionary.SAT_USER_DEREGISTRATION,
                 CxDictionary.SAT_ADMINISTRATIVE_DEREGISTRATION -> {
                setState(identity, RegistrationState.NOT_REGISTERED, Optional.empty());
                sendData = false;
            }
            case SAT_TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME, SAT_USER_DEREGISTRATION_STORE_SERVER_NAME -> {
                setState(identity, RegistrationState.NOT_REGISTERED, Optional.of(serverName));
                sendData = false;
            }
            case CxDictionary.SAT_AUTHENTICATION_FAILURE, CxDictionary.SAT_AUTHENTICATION_TIMEOUT -> sendData = false;
            default -> throw new CxFailure(CxResultCodes.DIAMETER_ERROR_IN_ASSIGNMENT_TYPE,
                    "Server-Assignment-Type " + type + " is not supported");
        }
        AnswerBuilder answer = DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_SUCCESS)
                .add(BaseDictionary.USER_NAME, impi.value());
        if (sendData) {
            store.subscriptions().userProfile(impi, identity.impu())
                    .ifPresent(profile -> answer.add(CxDictionary.USER_DATA, xml.writeBytes(profile)));
        }
        return answer;
    }

    private void setState(PublicIdentityRecord identity, RegistrationState state, Optional<String> scscf) {
        store.identities().updateImplicitSetRegistration(identity.impu(), state, scscf);
    }
}
