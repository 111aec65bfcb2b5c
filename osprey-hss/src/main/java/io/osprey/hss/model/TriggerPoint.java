package io.osprey.hss.model;

import java.util.List;

/**
 * The trigger point of an iFC, tTrigger of TS 29.228 Annex E / §B.2.2: SPTs combined in conjunctive normal
 * form (CNF: OR inside a group, AND across groups) or disjunctive normal form (DNF: AND inside a group, OR
 * across groups).
 *
 * @param conjunctive ConditionTypeCNF: true for CNF, false for DNF
 * @param triggers    the SPTs, at least one
 */
public record TriggerPoint(boolean conjunctive, List<ServicePointTrigger> triggers) {

    /** Most SPTs one trigger point may hold. */
    public static final int MAX_TRIGGERS = 64;

    public TriggerPoint {
        triggers = Checks.list("triggerPoint.spt", triggers, 1, MAX_TRIGGERS);
    }

    /** A CNF trigger point. */
    public static TriggerPoint cnf(ServicePointTrigger... triggers) {
        return new TriggerPoint(true, List.of(triggers));
    }

    /** A DNF trigger point. */
    public static TriggerPoint dnf(ServicePointTrigger... triggers) {
        return new TriggerPoint(false, List.of(triggers));
    }
}
