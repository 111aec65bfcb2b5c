package io.osprey.hss.model;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A named, provisioned service profile (TS 29.228 §6.6, TS 23.218 §6): iFCs of its own, names of shared
 * {@link IfcTemplate}s it includes, shared iFC set ids and the subscribed media profile. Public identities
 * point at it by name; the store expands it into a {@link ServiceProfile} of the user profile document.
 *
 * @param name                     unique name: letters, digits and {@code . _ + -}
 * @param subscribedMediaProfileId CoreNetworkServicesAuthorization value
 * @param filterCriteria           iFCs owned by this profile, ascending priority
 * @param ifcTemplates             names of included iFC templates
 * @param sharedIfcSetIds          shared iFC set ids
 */
public record ServiceProfileRecord(
        String name,
        Optional<Integer> subscribedMediaProfileId,
        List<InitialFilterCriteria> filterCriteria,
        List<String> ifcTemplates,
        List<Integer> sharedIfcSetIds) {

    /** Longest profile name accepted. */
    public static final int MAX_NAME_LENGTH = 64;

    public ServiceProfileRecord {
        Checks.name("serviceProfile.name", name, MAX_NAME_LENGTH);
        Checks.optional("serviceProfile.subscribedMediaProfileId", subscribedMediaProfileId)
                .ifPresent(id -> Checks.nonNegative("serviceProfile.subscribedMediaProfileId", id));
        filterCriteria = ServiceProfile.sortedUnique(Checks.list("serviceProfile.initialFilterCriteria",
                filterCriteria, 0, ServiceProfile.MAX_FILTER_CRITERIA));
        ifcTemplates = Checks.list("serviceProfile.ifcTemplates", ifcTemplates, 0, ServiceProfile.MAX_FILTER_CRITERIA);
        HashSet<String> seen = new HashSet<>();
        for (String template : ifcTemplates) {
            Checks.name("serviceProfile.ifcTemplates", template, IfcTemplate.MAX_NAME_LENGTH);
            if (!seen.add(template)) {
                throw new InvalidValueException("serviceProfile.ifcTemplates", "template " + template
                        + " is listed twice");
            }
        }
        sharedIfcSetIds = Checks.list("serviceProfile.sharedIfcSetIds", sharedIfcSetIds, 0,
                ServiceProfile.MAX_SHARED_SETS);
        for (int id : sharedIfcSetIds) {
            Checks.nonNegative("serviceProfile.sharedIfcSetIds", id);
        }
    }

    /** An empty profile: no iFCs, templates or shared sets. */
    public static ServiceProfileRecord empty(String name) {
        return new ServiceProfileRecord(name, Optional.empty(), List.of(), List.of(), List.of());
    }

    /** A profile that only includes the named templates. */
    public static ServiceProfileRecord ofTemplates(String name, List<String> templates) {
        return new ServiceProfileRecord(name, Optional.empty(), List.of(), templates, List.of());
    }
}
