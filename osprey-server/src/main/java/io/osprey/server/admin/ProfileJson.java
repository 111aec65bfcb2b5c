package io.osprey.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.ServiceProfileRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JSON shape of {@code /api/v1/service-profiles}: a {@link ServiceProfileRecord} (TS 29.228 §6.6) with its
 * name, included iFC template names, own initial filter criteria, subscribed media profile id and shared iFC
 * set ids. Only the name is required.
 */
final class ProfileJson {

    private static final Set<String> FIELDS = Set.of("name", "ifcTemplates", "initialFilterCriteria",
            "subscribedMediaProfileId", "sharedIfcSetIds");

    private ProfileJson() {
    }

    /** A profile body; {@code pathName} is the name in the URL (null on POST). */
    static ServiceProfileRecord profile(JsonNode body, String pathName) throws AdminException {
        SubscriberJson.onlyFields(body, FIELDS, "");
        String name = IfcTemplateJsonReader.name(body, pathName);
        List<String> templates = SubscriberJson.texts(body, "ifcTemplates", "");
        if (templates.size() > ServiceProfile.MAX_FILTER_CRITERIA) {
            throw new AdminException(Problem.invalid("ifcTemplates", "holds " + templates.size()
                    + " names, limit " + ServiceProfile.MAX_FILTER_CRITERIA));
        }
        List<InitialFilterCriteria> criteria = new ArrayList<>();
        JsonNode list = body.get("initialFilterCriteria");
        if (list != null && !list.isNull()) {
            if (!list.isArray() || list.size() > ServiceProfile.MAX_FILTER_CRITERIA) {
                throw new AdminException(Problem.invalid("initialFilterCriteria", "expected a list of at most "
                        + ServiceProfile.MAX_FILTER_CRITERIA + " iFC objects"));
            }
            for (int i = 0; i < list.size(); i++) {
                criteria.add(IfcTemplateJsonReader.filterCriteria(list.get(i), "initialFilterCriteria[" + i + "]."));
            }
        }
        JsonNode media = body.get("subscribedMediaProfileId");
        Optional<Integer> mediaProfile = media == null || media.isNull() ? Optional.empty()
                : Optional.of(IfcTemplateJsonReader.nonNegative(media, "subscribedMediaProfileId"));
        List<Integer> sharedSets = sharedSets(body.get("sharedIfcSetIds"));
        return IfcTemplateJsonReader.build("", () -> new ServiceProfileRecord(name, mediaProfile, criteria,
                templates, sharedSets));
    }

    private static List<Integer> sharedSets(JsonNode node) throws AdminException {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > ServiceProfile.MAX_SHARED_SETS) {
            throw new AdminException(Problem.invalid("sharedIfcSetIds", "expected a list of at most "
                    + ServiceProfile.MAX_SHARED_SETS + " whole numbers"));
        }
        List<Integer> ids = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            ids.add(IfcTemplateJsonReader.nonNegative(node.get(i), "sharedIfcSetIds[" + i + "]"));
        }
        return ids;
    }

    static Map<String, Object> profile(ServiceProfileRecord profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", profile.name());
        out.put("ifcTemplates", profile.ifcTemplates());
        out.put("initialFilterCriteria", profile.filterCriteria().stream()
                .map(IfcTemplateJsonWriter::filterCriteria).toList());
        profile.subscribedMediaProfileId().ifPresent(id -> out.put("subscribedMediaProfileId", id));
        out.put("sharedIfcSetIds", profile.sharedIfcSetIds());
        return out;
    }

    static Map<String, Object> profiles(List<ServiceProfileRecord> profiles) {
        return Map.of("items", profiles.stream().map(ProfileJson::profile).toList());
    }
}
