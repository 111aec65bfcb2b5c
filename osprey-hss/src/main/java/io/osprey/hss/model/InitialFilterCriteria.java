package io.osprey.hss.model;

import java.util.Comparator;
import java.util.Optional;

/**
 * One initial filter criterion (iFC), tInitialFilterCriteria of TS 29.228 Annex E / §B.2.2 and TS 23.218 §6:
 * the S-CSCF evaluates iFCs in ascending priority and sends a matching request to the application server.
 * Without a trigger point the iFC always matches.
 *
 * @param priority             0 or more; lower values are evaluated first, unique within a service profile
 * @param triggerPoint         the condition, or empty to always match
 * @param applicationServer    where a matching request goes
 * @param profilePartIndicator the registered or unregistered part of the profile, or empty for both
 */
public record InitialFilterCriteria(
        int priority,
        Optional<TriggerPoint> triggerPoint,
        ApplicationServer applicationServer,
        Optional<ProfilePartIndicator> profilePartIndicator) {

    /** Orders iFCs by priority, as the S-CSCF evaluates them. */
    public static final Comparator<InitialFilterCriteria> BY_PRIORITY =
            Comparator.comparingInt(InitialFilterCriteria::priority);

    public InitialFilterCriteria {
        Checks.nonNegative("ifc.priority", priority);
        Checks.optional("ifc.triggerPoint", triggerPoint);
        Checks.notNull("ifc.applicationServer", applicationServer);
        Checks.optional("ifc.profilePartIndicator", profilePartIndicator);
    }

    /** An iFC that applies in both registration states. */
    public static InitialFilterCriteria of(int priority, TriggerPoint triggerPoint, ApplicationServer server) {
        return new InitialFilterCriteria(priority, Optional.of(triggerPoint), server, Optional.empty());
    }

    /** The same iFC with another priority. */
    public InitialFilterCriteria withPriority(int newPriority) {
        return new InitialFilterCriteria(newPriority, triggerPoint, applicationServer, profilePartIndicator);
    }
}
