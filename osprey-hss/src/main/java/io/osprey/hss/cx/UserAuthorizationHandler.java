package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.store.SubscriberStore;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * User-Authorization (UAR/UAA, TS 29.228 §6.1.1.1; TS 29.229 §6.1.1–6.1.2) for the I-CSCF: checks the user is
 * known (5001), the IMPI may use the IMPU (5002), the IMPU is not barred outside an emergency registration
 * (DIAMETER_AUTHORIZATION_REJECTED) and the visited network may serve the user (5004), then answers by the
 * User-Authorization-Type: 2001 with Server-Capabilities when no S-CSCF is assigned, 2002 with Server-Name
 * when one is; DE_REGISTRATION answers DIAMETER_SUCCESS with Server-Name or 5003.
 */
final class UserAuthorizationHandler {

    /** UAR-Flags bit 0: IMS Emergency Registration (TS 29.229 §6.3.44). */
    private static final long UAR_FLAG_EMERGENCY = 1;

    private final SubscriberStore store;
    private final CxServerConfig config;
    private final LocalIdentity local;

    UserAuthorizationHandler(SubscriberStore store, CxServerConfig config, LocalIdentity local) {
        this.store = store;
        this.config = config;
        this.local = local;
    }

    AnswerBuilder answer(DiameterMessage request) {
        Impi impi = CxRequests.impi(CxRequests.required(request, BaseDictionary.USER_NAME));
        PublicIdentityRecord identity = CxRequests.knownPublicIdentity(store,
                CxRequests.impu(CxRequests.required(request, CxDictionary.PUBLIC_IDENTITY)));
        CxRequests.requireAssociated(store, impi, identity);
        long flags = request.avp(CxDictionary.UAR_FLAGS).map(Avp::asUnsigned32).orElse(0L);
        if (identity.barred() && (flags & UAR_FLAG_EMERGENCY) == 0) {
            throw new CxFailure(ResultCodes.DIAMETER_AUTHORIZATION_REJECTED, identity.impu() + " is barred");
        }
        Avp visited = CxRequests.required(request, CxDictionary.VISITED_NETWORK_IDENTIFIER);
        String visitedNetwork = new String(visited.asOctets(), StandardCharsets.UTF_8);
        if (!config.allowsVisitedNetwork(visitedNetwork)) {
            throw new CxFailure(CxResultCodes.DIAMETER_ERROR_ROAMING_NOT_ALLOWED,
                    "visited network " + visitedNetwork + " may not serve " + identity.impu());
        }
        int type = request.avp(CxDictionary.USER_AUTHORIZATION_TYPE).map(Avp::asEnumerated)
                .orElse(CxDictionary.UAT_REGISTRATION);
        Optional<ImpuRegistration> registration = store.identities().registration(identity.impu());
        RegistrationState state = registration.map(ImpuRegistration::state).orElse(RegistrationState.NOT_REGISTERED);
        Optional<String> scscf = registration.flatMap(ImpuRegistration::scscfName);
        AnswerBuilder answer = DiameterMessage.answerTo(request, local);
        switch (type) {
            case CxDictionary.UAT_DE_REGISTRATION -> {
                if (!state.hasServingScscf() || scscf.isEmpty()) {
                    throw new CxFailure(CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED,
                            identity.impu() + " is not registered");
                }
                return answer.result(ResultCodes.DIAMETER_SUCCESS).add(CxDictionary.SERVER_NAME, scscf.get());
            }
            case CxDictionary.UAT_REGISTRATION_AND_CAPABILITIES -> {
                return answer.result(CxResultCodes.DIAMETER_FIRST_REGISTRATION)
                        .add(CxRequests.serverCapabilities(store, config, identity));
            }
            case CxDictionary.UAT_REGISTRATION -> {
                // Any stored name counts as assigned, whatever the registration state (§6.1.1.1).
                if (scscf.isPresent()) {
                    return answer.result(CxResultCodes.DIAMETER_SUBSEQUENT_REGISTRATION)
                            .add(CxDictionary.SERVER_NAME, scscf.get());
                }
                return answer.result(CxResultCodes.DIAMETER_FIRST_REGISTRATION)
                        .add(CxRequests.serverCapabilities(store, config, identity));
            }
            default -> throw new CxFailure(ResultCodes.DIAMETER_INVALID_AVP_VALUE,
                    "User-Authorization-Type " + type + " is not 0, 1 or 2",
                    request.avp(CxDictionary.USER_AUTHORIZATION_TYPE).orElseThrow());
        }
    }
}
