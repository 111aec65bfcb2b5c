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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Server-Assignment (SAR/SAA, TS 29.228 §6.1.2 and §6.1.2.1; TS 29.229 §6.1.3–6.1.4) for the S-CSCF, following
 * the checks of §6.1.2.1 in order: the identities exist (5001) and, when User-Name is given, belong together
 * (5002); only a deregistration may name several Public-Identities (else 5009 AVP_OCCURS_TOO_MANY_TIMES) or none
 * beside the User-Name (then every identity of that private identity); the Server-Assignment-Type decides the
 * rest, see {@link ServerAssignmentType}. UNREGISTERED_USER for a user another S-CSCF holds answers 5005
 * IDENTITY_ALREADY_REGISTERED with that S-CSCF's Server-Name; NO_ASSIGNMENT from an S-CSCF that is not assigned
 * answers DIAMETER_UNABLE_TO_COMPLY; types Cx does not define answer 5007 IN_ASSIGNMENT_TYPE. User-Data carries
 * the IMS subscription XML for the types that return it, unless the S-CSCF has it already.
 */
final class ServerAssignmentHandler {

    private static final int USER_DATA_ALREADY_AVAILABLE = 1;

    private final SubscriberStore store;
    private final LocalIdentity local;
    private final ImsSubscriptionXmlWriter xml = new ImsSubscriptionXmlWriter();

    ServerAssignmentHandler(SubscriberStore store, LocalIdentity local) {
        this.store = store;
        this.local = local;
    }

    AnswerBuilder answer(DiameterMessage request) {
        int typeCode = CxRequests.required(request, CxDictionary.SERVER_ASSIGNMENT_TYPE).asEnumerated();
        Optional<ServerAssignmentType> requestedType = ServerAssignmentType.of(typeCode);
        boolean deregistration = requestedType.map(ServerAssignmentType::isDeregistration).orElse(false);
        String serverName = CxRequests.required(request, CxDictionary.SERVER_NAME).asUtf8();
        Optional<Impi> requestedImpi = CxRequests.optionalImpi(request);
        List<Avp> named = namedIdentities(request);
        List<PublicIdentityRecord> identities = identities(named, deregistration, requestedImpi);
        if (requestedImpi.isPresent()) {
            for (PublicIdentityRecord identity : identities) {
                CxRequests.requireAssociated(store, requestedImpi.get(), identity.impu());
            }
        }
        if (named.size() > 1 && !deregistration) {
            throw new CxFailure(ResultCodes.DIAMETER_AVP_OCCURS_TOO_MANY_TIMES, "Server-Assignment-Type " + typeCode
                    + " takes one Public-Identity, the SAR has " + named.size(), named.get(1));
        }
        ServerAssignmentType type = requestedType.orElseThrow(() -> new CxFailure(
                CxResultCodes.DIAMETER_ERROR_IN_ASSIGNMENT_TYPE, "Server-Assignment-Type " + typeCode
                + " is not a Cx value"));
        PublicIdentityRecord first = identities.get(0);
        Impi impi = requestedImpi.or(() -> first.privateIdentities().stream().findFirst())
                .orElseThrow(() -> new CxFailure(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN,
                        first.impu() + " has no private identity"));
        boolean sendData = type.returnsUserData() && request.avp(CxDictionary.USER_DATA_ALREADY_AVAILABLE)
                .map(Avp::asEnumerated).orElse(0) != USER_DATA_ALREADY_AVAILABLE;
        switch (type.effect()) {
            case REGISTER -> setState(first, RegistrationState.REGISTERED, Optional.of(serverName));
            case UNREGISTERED -> assignUnregistered(first, serverName);
            case DEREGISTER -> identities.forEach(i -> setState(i, RegistrationState.NOT_REGISTERED, Optional.empty()));
            case DEREGISTER_KEEPING_NAME ->
                    identities.forEach(i -> setState(i, RegistrationState.UNREGISTERED, Optional.of(serverName)));
            case NONE -> {
                if (type == ServerAssignmentType.NO_ASSIGNMENT) {
                    requireAssignedTo(first, serverName);
                }
            }
        }
        AnswerBuilder answer = DiameterMessage.answerTo(request, local).result(ResultCodes.DIAMETER_SUCCESS)
                .add(BaseDictionary.USER_NAME, impi.value());
        if (sendData) {
            store.subscriptions().userProfile(impi, first.impu())
                    .ifPresent(profile -> answer.add(CxDictionary.USER_DATA, xml.writeBytes(profile)));
        }
        return answer;
    }

    /** The Public-Identity AVPs of the SAR, or its Wildcarded-Public-Identity when it has none. */
    private static List<Avp> namedIdentities(DiameterMessage request) {
        List<Avp> named = new ArrayList<>(request.avps(CxDictionary.PUBLIC_IDENTITY));
        if (named.isEmpty()) {
            request.avp(CxDictionary.WILDCARDED_PUBLIC_IDENTITY).ifPresent(named::add);
        }
        return named;
    }

    /** The identities the SAR is about: those it names (each must exist), or for a deregistration its IMPI's. */
    private List<PublicIdentityRecord> identities(List<Avp> named, boolean deregistration, Optional<Impi> impi) {
        List<PublicIdentityRecord> out = new ArrayList<>();
        for (Avp publicIdentity : named) {
            out.add(CxRequests.knownPublicIdentity(store, CxRequests.impu(publicIdentity)));
        }
        if (out.isEmpty() && deregistration && impi.isPresent()) {
            if (store.identities().privateIdentity(impi.get()).isEmpty()) {
                throw new CxFailure(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN,
                        "private identity " + impi.get() + " is unknown");
            }
            out.addAll(store.identities().publicIdentitiesOf(impi.get()));
        }
        if (out.isEmpty()) {
            throw new CxFailure(ResultCodes.DIAMETER_MISSING_AVP, "SAR lacks Public-Identity",
                    Avps.zeroFilled(CxDictionary.PUBLIC_IDENTITY));
        }
        return out;
    }

    private void assignUnregistered(PublicIdentityRecord identity, String serverName) {
        Optional<ImpuRegistration> current = store.identities().registration(identity.impu());
        Optional<String> assigned = current.filter(r -> r.state().hasServingScscf())
                .flatMap(ImpuRegistration::scscfName);
        if (assigned.isPresent() && !assigned.get().equalsIgnoreCase(serverName)) {
            throw CxFailure.withAnswerAvps(CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED,
                    identity.impu() + " is served by " + assigned.get(),
                    Avps.of(CxDictionary.SERVER_NAME, assigned.get()));
        }
        if (current.map(ImpuRegistration::state).orElse(RegistrationState.NOT_REGISTERED)
                != RegistrationState.REGISTERED) {
            setState(identity, RegistrationState.UNREGISTERED, Optional.of(serverName));
        }
    }

    private void requireAssignedTo(PublicIdentityRecord identity, String serverName) {
        Optional<String> assigned = store.identities().registration(identity.impu())
                .filter(r -> r.state().hasServingScscf()).flatMap(ImpuRegistration::scscfName);
        if (assigned.isEmpty() || !assigned.get().equalsIgnoreCase(serverName)) {
            throw new CxFailure(ResultCodes.DIAMETER_UNABLE_TO_COMPLY,
                    serverName + " is not the S-CSCF assigned to " + identity.impu());
        }
    }

    private void setState(PublicIdentityRecord identity, RegistrationState state, Optional<String> scscf) {
        store.identities().updateImplicitSetRegistration(identity.impu(), state, scscf);
    }
}
