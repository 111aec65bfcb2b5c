package io.osprey.hss.store;

import io.osprey.hss.model.IdentityType;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.PublicIdentityRecord;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.ServiceProfileRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds the user profile document (TS 29.228 Annex B/D) from stored records: the requested identity first,
 * then the rest of its implicit set in URI order, grouped by service profile in order of first appearance;
 * each profile's own iFCs merged with its templates' by priority.
 */
final class UserProfileAssembler {

    private UserProfileAssembler() {
    }

    /**
     * The iFCs of {@code profile} with its templates expanded, in priority order.
     *
     * @throws StoreException CONSTRAINT when a template is missing or two iFCs share a priority
     */
    static List<InitialFilterCriteria> criteriaOf(ServiceProfileRecord profile, Map<String, IfcTemplate> templates) {
        List<InitialFilterCriteria> criteria = new ArrayList<>(profile.filterCriteria());
        Map<Integer, String> owners = new HashMap<>();
        for (InitialFilterCriteria ifc : profile.filterCriteria()) {
            owners.put(ifc.priority(), "its own iFC");
        }
        for (String name : profile.ifcTemplates()) {
            IfcTemplate template = templates.get(name);
            if (template == null) {
                throw new StoreException(StoreException.Reason.CONSTRAINT, "service profile " + profile.name()
                        + " includes iFC template " + name + ", which does not exist");
            }
            int priority = template.filterCriteria().priority();
            String previous = owners.putIfAbsent(priority, "template " + name);
            if (previous != null) {
                throw new StoreException(StoreException.Reason.CONSTRAINT, "service profile " + profile.name()
                        + ": priority " + priority + " is used by " + previous + " and by template " + name);
            }
            criteria.add(template.filterCriteria());
        }
        criteria.sort(InitialFilterCriteria.BY_PRIORITY);
        return criteria;
    }

    /**
     * The document for {@code impi} over {@code identities}. When {@code requested} fell under the wildcarded
     * PSI {@code matched}, that identity is reported as {@code requested} with WildcardedPSI set.
     */
    static ImsSubscription assemble(Impi impi, List<PublicIdentityRecord> identities, Impu requested,
                                    PublicIdentityRecord matched, Map<String, ServiceProfileRecord> profiles,
                                    Map<String, IfcTemplate> templates) {
        List<PublicIdentityRecord> ordered = new ArrayList<>(identities);
        ordered.sort(Comparator.comparing((PublicIdentityRecord identity) -> !identity.impu().equals(matched.impu()))
                .thenComparing(PublicIdentityRecord::impu));
        Map<String, List<PublicIdentity>> grouped = new LinkedHashMap<>();
        for (PublicIdentityRecord identity : ordered) {
            PublicIdentity entry = identity.toDocumentIdentity();
            if (identity.impu().equals(matched.impu()) && identity.identityType() == IdentityType.WILDCARDED_PSI
                    && !requested.equals(matched.impu())) {
                entry = new PublicIdentity(requested, entry.barred(), entry.identityType(),
                        Optional.of(matched.impu().uri()), entry.displayName(), entry.aliasGroupId());
            }
            grouped.computeIfAbsent(identity.serviceProfile(), k -> new ArrayList<>()).add(entry);
        }
        List<ServiceProfile> sections = new ArrayList<>();
        grouped.forEach((name, members) -> {
            ServiceProfileRecord profile = profiles.get(name);
            if (profile == null) {
                throw StoreException.notFound("service profile", name);
            }
            sections.add(new ServiceProfile(members, profile.subscribedMediaProfileId(),
                    criteriaOf(profile, templates), profile.sharedIfcSetIds()));
        });
        return new ImsSubscription(impi, sections);
    }
}
