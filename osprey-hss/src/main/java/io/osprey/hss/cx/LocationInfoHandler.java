package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.AnswerBuilder;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpuRegistration;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.RegistrationState;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.store.SubscriberStore;
import java.util.Optional;

/**
 * Location-Info (LIR/LIA, TS 29.228 §6.2.1.1) for the I-CSCF routing a request to a user: registered →
 * DIAMETER_SUCCESS with Server-Name; unregistered (an S-CSCF holds the profile) → 2003 UNREGISTERED_SERVICE
 * with Server-Name; not registered but with services for the unregistered state (an iFC for the unregistered
 * profile part or session case) or an originating request → 2003 with Server-Capabilities; otherwise 5003
 * IDENTITY_NOT_REGISTERED; unknown → 5001. A wildcarded PSI match adds Wildcarded-Public-Identity.
 */
final class LocationInfoHandler {

    private final SubscriberStore store;
    private final CxServerConfig config;
    private final LocalIdentity local;

    LocationInfoHandler(SubscriberStore store, CxServerConfig config, LocalIdentity local) {
        this.store = store;
        this.config = config;
        this.local = local;
    }

    AnswerBuilder answer(DiameterMessage request) {
        PublicIdentityRecord identity = CxRequests.knownPublicIdentity(store,
                CxRequests.impu(CxRequests.required(request, CxDictionary.PUBLIC_IDENTITY)));
        Optional<ImpuRegistration> registration = store.identities().registration(identity.impu());
        RegistrationState state = registration.map(ImpuRegistration::state).orElse(RegistrationState.NOT_REGISTERED);
        AnswerBuilder answer = DiameterMessage.answerTo(request, local);
        if (identity.identityType() == IdentityType.WILDCARDED_PSI) {
            answer.add(CxDictionary.WILDCARDED_PUBLIC_IDENTITY, identity.impu().uri());
        }
        if (state == RegistrationState.REGISTERED) {
            return answer.result(ResultCodes.DIAMETER_SUCCESS)
                    .add(CxDictionary.SERVER_NAME, registration.get().scscfName().orElseThrow());
        }
        if (state == RegistrationState.UNREGISTERED) {
            return answer.result(CxResultCodes.DIAMETER_UNREGISTERED_SERVICE)
                    .add(CxDictionary.SERVER_NAME, registration.get().scscfName().orElseThrow());
        }
        boolean originating = request.avp(CxDictionary.ORIGINATING_REQUEST).isPresent();
        if (originating || hasUnregisteredServices(identity)) {
            Optional<String> kept = registration.flatMap(ImpuRegistration::scscfName);
            answer.result(CxResultCodes.DIAMETER_UNREGISTERED_SERVICE);
            return kept.isPresent() ? answer.add(CxDictionary.SERVER_NAME, kept.get())
                    : answer.add(CxRequests.serverCapabilities(store, config, identity));
        }
        throw new CxFailure(CxResultCodes.DIAMETER_ERROR_IDENTITY_NOT_REGISTERED,
                identity.impu() + " is not registered and has no unregistered services");
    }

    private boolean hasUnregisteredServices(PublicIdentityRecord identity) {
        Optional<Impi> impi = identity.privateIdentities().stream().findFirst();
        if (impi.isEmpty()) {
            return false;
        }
        Optional<ImsSubscription> profile = store.subscriptions().userProfile(impi.get(), identity.impu());
        if (profile.isEmpty()) {
            return false;
        }
        for (ServiceProfile serviceProfile : profile.get().serviceProfiles()) {
            for (InitialFilterCriteria ifc : serviceProfile.filterCriteria()) {
                if (servesUnregistered(ifc)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean servesUnregistered(InitialFilterCriteria ifc) {
        if (ifc.profilePartIndicator().orElse(null) == ProfilePartIndicator.UNREGISTERED) {
            return true;
        }
        if (ifc.triggerPoint().isEmpty()) {
            return false;
        }
        for (ServicePointTrigger spt : ifc.triggerPoint().get().triggers()) {
            if (!spt.negated() && spt.condition() instanceof SptCondition.InSessionCase sessionCase
                    && sessionCase.sessionCase() == SessionCase.TERMINATING_UNREGISTERED) {
                return true;
            }
        }
        return false;
    }
}
