package io.osprey.hss.xml;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.RegistrationType;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Documents that use every element the model can express. */
final class XmlFixtures {

    private XmlFixtures() {
    }

    /** Everything, with values a Rel-8 schema accepts (SessionCase at most 3). */
    static ImsSubscription rich() {
        return rich(SessionCase.ORIGINATING_UNREGISTERED);
    }

    static ImsSubscription rich(SessionCase sessionCase) {
        InitialFilterCriteria register = new InitialFilterCriteria(0, Optional.of(TriggerPoint.cnf(
                ServicePointTrigger.of(0, new SptCondition.Method("register")).withRegistrationTypes(
                        Set.of(RegistrationType.INITIAL_REGISTRATION, RegistrationType.DE_REGISTRATION)))),
                new ApplicationServer("sip:as.example.org;lr", DefaultHandling.SESSION_CONTINUED,
                        Optional.of("reg-notify <v=1> & more"), true, true),
                Optional.of(ProfilePartIndicator.REGISTERED));
        InitialFilterCriteria invite = new InitialFilterCriteria(10, Optional.of(new TriggerPoint(false, List.of(
                new ServicePointTrigger(false, List.of(0, 1), new SptCondition.Method("INVITE"), Set.of()),
                ServicePointTrigger.of(0, new SptCondition.InSessionCase(sessionCase)),
                ServicePointTrigger.of(1, new SptCondition.SipHeader("Accept-Contact",
                        Optional.of(".*\\+g\\.3gpp\\.icsi-ref=\"urn%3Aurn-7\".*"))).negate(),
                ServicePointTrigger.of(2, new SptCondition.SipHeader("P-Preferred-Service", Optional.empty())),
                ServicePointTrigger.of(2, new SptCondition.RequestUri("^sip:\\+1[0-9]{10}@.*$")),
                ServicePointTrigger.of(3, new SptCondition.SessionDescription("m", Optional.of("audio.*"))),
                ServicePointTrigger.of(3, new SptCondition.SessionDescription("a", Optional.empty()))))),
                ApplicationServer.of("sip:mmtel.example.org", DefaultHandling.SESSION_TERMINATED),
                Optional.empty());
        InitialFilterCriteria always = new InitialFilterCriteria(20, Optional.empty(),
                ApplicationServer.of("sips:logger.example.org", DefaultHandling.SESSION_CONTINUED),
                Optional.of(ProfilePartIndicator.UNREGISTERED));
        ServiceProfile first = new ServiceProfile(List.of(
                PublicIdentity.of(new Impu("sip:alice@example.org")),
                new PublicIdentity(new Impu("tel:+15550001"), true, IdentityType.PUBLIC_USER_IDENTITY,
                        Optional.empty(), Optional.of("Alice <mobile> & co"), Optional.of("alias-1"))),
                Optional.of(0), List.of(invite, register, always), List.of(1, 5));
        ServiceProfile second = new ServiceProfile(List.of(new PublicIdentity(
                new Impu("sip:chat-42@conf.example.org"), false, IdentityType.WILDCARDED_PSI,
                Optional.of("sip:chat-!.*!@conf.example.org"), Optional.empty(), Optional.empty())),
                Optional.empty(), List.of(), List.of());
        return new ImsSubscription(new Impi("alice@example.org"), List.of(first, second));
    }
}
