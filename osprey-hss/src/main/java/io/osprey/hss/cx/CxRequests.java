package io.osprey.hss.cx;

import io.osprey.diameter.dictionary.AvpDefinition;
import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ScscfCapabilities;
import io.osprey.hss.model.SubscriptionRecord;
import io.osprey.hss.store.SubscriberStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reading identities out of Cx requests and the checks every command shares (TS 29.228 §6.1–6.3). */
final class CxRequests {

    /** The stored length limit of an S-CSCF name. */
    private static final int MAX_SERVER_NAME_LENGTH = ApplicationServer.MAX_SERVER_NAME_LENGTH;

    private CxRequests() {
    }

    /** The mandatory AVP, or DIAMETER_MISSING_AVP naming it. */
    static Avp required(DiameterMessage request, AvpDefinition def) {
        return request.avp(def).orElseThrow(() -> new CxFailure(ResultCodes.DIAMETER_MISSING_AVP,
                "request lacks " + def.name(), Avps.zeroFilled(def)));
    }

    static Impi impi(Avp userName) {
        try {
            return new Impi(userName.asUtf8());
        } catch (InvalidValueException e) {
            throw new CxFailure(ResultCodes.DIAMETER_INVALID_AVP_VALUE, "User-Name: " + e.getMessage(), userName);
        }
    }

    static Impu impu(Avp publicIdentity) {
        try {
            return new Impu(publicIdentity.asUtf8());
        } catch (InvalidValueException e) {
            throw new CxFailure(ResultCodes.DIAMETER_INVALID_AVP_VALUE, "Public-Identity: " + e.getMessage(),
                    publicIdentity);
        }
    }

    /** The Server-Name AVP (a SIP URI, TS 29.229 §6.3.6): required, non-empty, no whitespace, at most 255. */
    static String serverName(DiameterMessage request) {
        Avp avp = required(request, CxDictionary.SERVER_NAME);
        String name = avp.asUtf8();
        boolean valid = !name.isEmpty() && name.length() <= MAX_SERVER_NAME_LENGTH;
        for (int i = 0; valid && i < name.length(); i++) {
            char c = name.charAt(i);
            valid = !Character.isWhitespace(c) && !Character.isISOControl(c);
        }
        if (!valid) {
            throw new CxFailure(ResultCodes.DIAMETER_INVALID_AVP_VALUE, "Server-Name must be a SIP URI of 1 to "
                    + MAX_SERVER_NAME_LENGTH + " characters without whitespace", avp);
        }
        return name;
    }

    static Optional<Impi> optionalImpi(DiameterMessage request) {
        return request.avp(BaseDictionary.USER_NAME).map(CxRequests::impi);
    }

    /** The stored identity (or matching wildcarded PSI), else 5001 DIAMETER_ERROR_USER_UNKNOWN. */
    static PublicIdentityRecord knownPublicIdentity(SubscriberStore store, Impu impu) {
        return store.identities().findPublicIdentity(impu).orElseThrow(() -> new CxFailure(
                CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN, "public identity " + impu + " is unknown"));
    }

    /**
     * 5001 if {@code impi} is unknown, 5002 DIAMETER_ERROR_IDENTITIES_DONT_MATCH if it may not use
     * {@code identity} (the stored identity or wildcarded PSI a request named). The links come with the record,
     * so the usual case, a linked IMPI, costs no store query.
     */
    static void requireAssociated(SubscriberStore store, Impi impi, PublicIdentityRecord identity) {
        if (identity.privateIdentities().contains(impi)) {
            return;
        }
        if (store.identities().privateIdentity(impi).isEmpty()) {
            throw new CxFailure(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN, "private identity " + impi + " is unknown");
        }
        throw new CxFailure(CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH, impi + " may not use "
                + identity.impu());
    }

    /**
     * Server-Capabilities (TS 29.229 §6.3.4) of the subscription owning {@code identity}; the configured
     * default S-CSCFs stand in when the subscription prefers none.
     */
    static Avp serverCapabilities(SubscriberStore store, CxServerConfig config, PublicIdentityRecord identity) {
        ScscfCapabilities capabilities = store.subscriptions().subscription(identity.subscriptionId())
                .map(SubscriptionRecord::capabilities).orElse(ScscfCapabilities.NONE);
        List<Avp> members = new ArrayList<>();
        for (int mandatory : capabilities.mandatory()) {
            members.add(Avps.of(CxDictionary.MANDATORY_CAPABILITY, mandatory));
        }
        for (int optional : capabilities.optional()) {
            members.add(Avps.of(CxDictionary.OPTIONAL_CAPABILITY, optional));
        }
        List<String> names = capabilities.serverNames().isEmpty() ? config.defaultScscfNames()
                : capabilities.serverNames();
        for (String name : names) {
            members.add(Avps.of(CxDictionary.SERVER_NAME, name));
        }
        return Avps.of(CxDictionary.SERVER_CAPABILITIES, members);
    }
}
