package io.osprey.hss.store;

import io.osprey.hss.model.AkaKeys;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.AuthScheme;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.DigestSecret;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.ImpiCredentials;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.SubscriptionRecord;
import io.osprey.hss.model.TriggerPoint;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Subscribers for store tests; keys from 3GPP TS 35.208 test set 1. */
final class StoreFixtures {

    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    static final String DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";
    static final String PROFILE = "basic";

    private StoreFixtures() {
    }

    static Impi impi(String user) {
        return new Impi(user + "@" + DOMAIN);
    }

    static Impu sip(String user) {
        return new Impu("sip:" + user + "@" + DOMAIN);
    }

    static ImpiCredentials akaCredentials(Impi impi, long sqn) {
        return new ImpiCredentials(impi, EnumSet.of(AuthScheme.AKA_V1_MD5, AuthScheme.AKA_V2_MD5),
                Optional.of(AkaKeys.fromHex(K, null, OPC, "8000")), Optional.empty(), sqn);
    }

    static ImpiCredentials digestCredentials(Impi impi, String password) {
        return new ImpiCredentials(impi, EnumSet.of(AuthScheme.DIGEST_MD5), Optional.empty(),
                Optional.of(new DigestSecret.Password(password)), 0);
    }

    /** A subscription "user" with one AKA IMPI and sip + tel IMPUs in implicit set 0. */
    static NewSubscription subscriber(String user, String msisdn) {
        Impi impi = impi(user);
        return new NewSubscription(SubscriptionRecord.of(user), List.of(akaCredentials(impi, 0)), List.of(
                PublicIdentityRecord.of(sip(user), user, PROFILE, Set.of(impi)),
                PublicIdentityRecord.of(new Impu("tel:" + msisdn), user, PROFILE, Set.of(impi))));
    }

    static InitialFilterCriteria originatingInvite(int priority, String server) {
        return InitialFilterCriteria.of(priority, TriggerPoint.cnf(
                        ServicePointTrigger.of(0, new SptCondition.Method("INVITE")),
                        ServicePointTrigger.of(1, new SptCondition.InSessionCase(SessionCase.ORIGINATING))),
                ApplicationServer.of(server, DefaultHandling.SESSION_CONTINUED));
    }

    static IfcTemplate template(String name, int priority) {
        return new IfcTemplate(name, originatingInvite(priority, "sip:" + name + "@as." + DOMAIN));
    }
}
