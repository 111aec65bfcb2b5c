package io.osprey.hss.provisioning;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.util.List;

/**
 * The iFC templates an operator can attach by name, for a home domain (TS 23.218 §6, TS 24.173 for MMTel):
 * <ul>
 *   <li>{@value #MMTEL_ORIG} (priority 10): originating INVITE → {@code sip:mmtel@as.<home-domain>};
 *   <li>{@value #MMTEL_TERM} (priority 20): terminating INVITE, registered or not → the same AS.
 * </ul>
 * Both continue the session when the AS is unreachable. CNF: the method and the session case are separate
 * groups, so both must match; the two terminating cases share a group, so either does.
 */
public final class DefaultIfcTemplates {

    public static final String MMTEL_ORIG = "mmtel-orig";
    public static final String MMTEL_TERM = "mmtel-term";

    private DefaultIfcTemplates() {
    }

    /** The MMTel AS URI for {@code homeDomain}. */
    public static String mmtelServer(String homeDomain) {
        return "sip:mmtel@as." + homeDomain;
    }

    public static List<IfcTemplate> forHomeDomain(String homeDomain) {
        ApplicationServer mmtel = ApplicationServer.of(mmtelServer(homeDomain), DefaultHandling.SESSION_CONTINUED);
        ServicePointTrigger invite = ServicePointTrigger.of(0, new SptCondition.Method("INVITE"));
        InitialFilterCriteria originating = InitialFilterCriteria.of(10, TriggerPoint.cnf(invite,
                ServicePointTrigger.of(1, new SptCondition.InSessionCase(SessionCase.ORIGINATING))), mmtel);
        InitialFilterCriteria terminating = InitialFilterCriteria.of(20, TriggerPoint.cnf(invite,
                ServicePointTrigger.of(1, new SptCondition.InSessionCase(SessionCase.TERMINATING_REGISTERED)),
                ServicePointTrigger.of(1, new SptCondition.InSessionCase(SessionCase.TERMINATING_UNREGISTERED))), mmtel);
        return List.of(new IfcTemplate(MMTEL_ORIG, originating), new IfcTemplate(MMTEL_TERM, terminating));
    }
}
