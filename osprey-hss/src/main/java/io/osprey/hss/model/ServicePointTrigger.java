package io.osprey.hss.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One service point trigger (SPT), tSePoTri of TS 29.228 Annex E / §B.2.2: an optionally negated condition
 * that belongs to one or more groups of the trigger point's CNF or DNF.
 *
 * @param negated           ConditionNegated: invert the result of the condition
 * @param groups            Group ids (each 0 or more), at least one
 * @param condition         what the SPT tests
 * @param registrationTypes for a REGISTER method SPT: the REGISTER kinds it matches; empty means all, so
 *                          a set of all three is stored as empty
 */
public record ServicePointTrigger(
        boolean negated,
        List<Integer> groups,
        SptCondition condition,
        Set<RegistrationType> registrationTypes) {

    /** Most groups one SPT may belong to. */
    public static final int MAX_GROUPS = 32;

    public ServicePointTrigger {
        groups = Checks.list("spt.group", groups, 1, MAX_GROUPS);
        for (int group : groups) {
            Checks.nonNegative("spt.group", group);
        }
        Checks.notNull("spt.condition", condition);
        registrationTypes = Checks.enumSet("spt.registrationType", RegistrationType.class, registrationTypes);
        if (registrationTypes.size() == RegistrationType.values().length) {
            registrationTypes = Set.of();
        }
    }

    /** A non-negated SPT in one group with no registration types. */
    public static ServicePointTrigger of(int group, SptCondition condition) {
        return new ServicePointTrigger(false, List.of(group), condition, Set.of());
    }

    /** The same SPT with ConditionNegated set. */
    public ServicePointTrigger negate() {
        return new ServicePointTrigger(!negated, groups, condition, registrationTypes);
    }

    /** The same SPT restricted to the given REGISTER kinds. */
    public ServicePointTrigger withRegistrationTypes(Collection<RegistrationType> types) {
        return new ServicePointTrigger(negated, groups, condition, Set.copyOf(types));
    }
}
