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
import io.osprey.hss.store.NeedsDatabaseException;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-Assignment (SAR/SAA, TS 29.228 §6.1.2 and §6.1.2.1; TS 29.229 §6.1.3–6.1.4) for the S-CSCF, following
 * the checks of §6.1.2.1 in order: the identities exist (5001) and, when User-Name is given, belong together
 * (5002); only a deregistration may name several Public-Identities (else 5009 AVP_OCCURS_TOO_MANY_TIMES) or none
 * beside the User-Name (then every identity of that private identity); the Server-Assignment-Type decides the
 * rest, see {@link ServerAssignmentType}. UNREGISTERED_USER for a user another S-CSCF holds answers 5005
 * IDENTITY_ALREADY_REGISTERED with that S-CSCF's Server-Name; NO_ASSIGNMENT from an S-CSCF that is not assigned
 * answers DIAMETER_UNABLE_TO_COMPLY; types Cx does not define answer 5007 IN_ASSIGNMENT_TYPE. User-Data carries
 * the IMS subscription XML for the types that return it, unless the S-CSCF has it already.
 *
 * <p>REGISTRATION and RE_REGISTRATION (§6.1.2.1 with §6.3.1): an identity REGISTERED or UNREGISTERED at
 * S-CSCF A keeps A; the same request from another S-CSCF B answers 5005 IDENTITY_ALREADY_REGISTERED with A's
 * Server-Name, unless B is the S-CSCF whose MAR left an authentication pending for the identity. That one
 * exception is the S-CSCF re-assignment of §6.3.1 (the I-CSCF chose B, e.g. because A stopped answering, and B
 * authenticated the user): B replaces A, and a deregistration from A changes nothing of B's. AUTHENTICATION_FAILURE
 * and AUTHENTICATION_TIMEOUT end the pending
 * authentication and clear the name the MAR stored for identities that are not registered. Every change of
 * state or S-CSCF name is reported to the {@link RegistrationListener} after it is stored.
 */
final class ServerAssignmentHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ServerAssignmentHandler.class);

    private static final int USER_DATA_ALREADY_AVAILABLE = 1;

    private final SubscriberStore store;
    private final LocalIdentity local;
    private final RegistrationListener listener;
    private final ImsSubscriptionXmlWriter xml = new ImsSubscriptionXmlWriter();

    ServerAssignmentHandler(SubscriberStore store, LocalIdentity local, RegistrationListener listener) {
        this.store = store;
        this.local = local;
        this.listener = listener;
    }

    AnswerBuilder answer(DiameterMessage request) {
        int typeCode = CxRequests.required(request, CxDictionary.SERVER_ASSIGNMENT_TYPE).asEnumerated();
        Optional<ServerAssignmentType> requestedType = ServerAssignmentType.of(typeCode);
        boolean deregistration = requestedType.map(ServerAssignmentType::isDeregistration).orElse(false);
        String serverName = CxRequests.serverName(request);
        Optional<Impi> requestedImpi = CxRequests.optionalImpi(request);
        List<Avp> named = namedIdentities(request);
        List<PublicIdentityRecord> identities = identities(named, deregistration, requestedImpi);
        if (requestedImpi.isPresent()) {
            for (PublicIdentityRecord identity : identities) {
                CxRequests.requireAssociated(store, requestedImpi.get(), identity);
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
        List<ImpuRegistration> changed = new ArrayList<>();
        switch (type.effect()) {
            case REGISTER -> register(first, serverName, changed);
            case UNREGISTERED -> assignUnregistered(first, serverName, changed);
            case DEREGISTER -> deregister(identities, serverName, RegistrationState.NOT_REGISTERED, Optional.empty(),
                    changed);
            case DEREGISTER_KEEPING_NAME -> deregister(identities, serverName, RegistrationState.UNREGISTERED,
                    Optional.of(serverName), changed);
            case END_AUTHENTICATION -> store.identities().endAuthentication(first);
            case NONE -> {
                if (type == ServerAssignmentType.NO_ASSIGNMENT) {
                    requireAssignedTo(first, serverName);
                }
            }
        }
        report(changed);
        recordOrigin(serverName, request);
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

    /** REGISTERED at {@code serverName}, unless another S-CSCF serves the identity (see the class comment). */
    private void register(PublicIdentityRecord identity, String serverName, List<ImpuRegistration> changed) {
        if (alreadyRegisteredAt(identity, serverName)) {
            return; // a re-registration: nothing to check or write, and no write transaction to wait for
        }
        // one transaction, so two S-CSCFs registering the same user at once cannot both pass the check
        store.inTransaction(() -> {
            Optional<ImpuRegistration> current = store.identities().registration(identity.impu());
            boolean authenticatedHere = current.flatMap(ImpuRegistration::pendingScscf)
                    .map(serverName::equalsIgnoreCase).orElse(false);
            if (!authenticatedHere) {
                refuseIfServedElsewhere(identity, current, serverName);
            }
            setState(identity, RegistrationState.REGISTERED, Optional.of(serverName), changed);
            return null;
        });
    }

    /**
     * Whether the whole implicit set is REGISTERED at {@code serverName} with no authentication pending: what the
     * SAR would store. Read outside a transaction, it is as if the SAR came first of any change made meanwhile.
     */
    private boolean alreadyRegisteredAt(PublicIdentityRecord identity, String serverName) {
        List<ImpuRegistration> set = store.identities().implicitSetRegistrations(identity);
        return !set.isEmpty() && set.stream().allMatch(current -> current.equals(
                new ImpuRegistration(current.impu(), RegistrationState.REGISTERED, Optional.of(serverName))));
    }

    private void assignUnregistered(PublicIdentityRecord identity, String serverName,
                                    List<ImpuRegistration> changed) {
        store.inTransaction(() -> {
            Optional<ImpuRegistration> current = store.identities().registration(identity.impu());
            refuseIfServedElsewhere(identity, current, serverName);
            if (current.map(ImpuRegistration::state).orElse(RegistrationState.NOT_REGISTERED)
                    != RegistrationState.REGISTERED) {
                setState(identity, RegistrationState.UNREGISTERED, Optional.of(serverName), changed);
            }
            return null;
        });
    }

    /**
     * Sets {@code state} on the implicit sets of {@code identities} that no other S-CSCF than {@code serverName}
     * serves. After a take-over (TS 29.228 §6.3.1) the old S-CSCF may still hold the user, when the RTR with
     * NEW_SERVER_ASSIGNED did not reach it, and the SAR that ends that stale registration (its expiry, or the
     * user's de-registration) must not undo the new S-CSCF's assignment. It is answered DIAMETER_SUCCESS all the
     * same: the requesting S-CSCF serves none of them afterwards, which is what it asked for.
     */
    private void deregister(List<PublicIdentityRecord> identities, String serverName, RegistrationState state,
                            Optional<String> scscf, List<ImpuRegistration> changed) {
        store.inTransaction(() -> {
            for (PublicIdentityRecord identity : identities) {
                Optional<String> serving = store.identities().registration(identity.impu())
                        .flatMap(ImpuRegistration::servingScscf);
                if (serving.isPresent() && !serving.get().equalsIgnoreCase(serverName)) {
                    LOG.info("SAR from {} leaves {} to {}, which serves it now", serverName, identity.impu(),
                            serving.get());
                } else {
                    setState(identity, state, scscf, changed);
                }
            }
            return null;
        });
    }

    /** 5005 IDENTITY_ALREADY_REGISTERED with the serving S-CSCF's Server-Name if that is not {@code serverName}. */
    private static void refuseIfServedElsewhere(PublicIdentityRecord identity, Optional<ImpuRegistration> current,
                                                String serverName) {
        Optional<String> assigned = current.flatMap(ImpuRegistration::servingScscf);
        if (assigned.isPresent() && !assigned.get().equalsIgnoreCase(serverName)) {
            throw CxFailure.withAnswerAvps(CxResultCodes.DIAMETER_ERROR_IDENTITY_ALREADY_REGISTERED,
                    identity.impu() + " is served by " + assigned.get(),
                    Avps.of(CxDictionary.SERVER_NAME, assigned.get()));
        }
    }

    private void requireAssignedTo(PublicIdentityRecord identity, String serverName) {
        Optional<String> assigned = store.identities().registration(identity.impu())
                .flatMap(ImpuRegistration::servingScscf);
        if (assigned.isEmpty() || !assigned.get().equalsIgnoreCase(serverName)) {
            throw new CxFailure(ResultCodes.DIAMETER_UNABLE_TO_COMPLY,
                    serverName + " is not the S-CSCF assigned to " + identity.impu());
        }
    }

    private void setState(PublicIdentityRecord identity, RegistrationState state, Optional<String> scscf,
                          List<ImpuRegistration> changed) {
        changed.addAll(store.identities().changeImplicitSetRegistration(identity, state, scscf));
    }

    /**
     * Where RTRs and PPRs for this S-CSCF's users go: the Origin-Host of its SAR (TS 29.228 Tables 6.1.3.1 and
     * 6.1.4.1). A store failure here must not fail a SAR whose change is already stored.
     */
    private void recordOrigin(String serverName, DiameterMessage request) {
        request.avp(BaseDictionary.ORIGIN_HOST).ifPresent(origin -> {
            try {
                store.identities().recordScscfOrigin(serverName, origin.asDiameterIdentity());
            } catch (NeedsDatabaseException e) {
                throw e; // answered from memory until here: run again where the store may be used
            } catch (RuntimeException e) {
                LOG.warn("Origin-Host of S-CSCF {} not recorded: {}", serverName, e.toString());
            }
        });
    }

    /** Tells the listener; its failure must not fail a SAR whose change is already stored. */
    private void report(List<ImpuRegistration> changed) {
        if (changed.isEmpty()) {
            return;
        }
        try {
            listener.registrationChanged(List.copyOf(changed));
        } catch (NeedsDatabaseException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("registration listener failed for {}", changed, e);
        }
    }
}
