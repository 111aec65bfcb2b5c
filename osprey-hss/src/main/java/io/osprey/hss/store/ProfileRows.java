package io.osprey.hss.store;

import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.xml.ImsSubscriptionXmlParser;
import io.osprey.hss.xml.ImsSubscriptionXmlWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQL for service profiles and iFC templates. Each iFC is kept as its {@code <InitialFilterCriteria>} XML
 * element, the form the Cx document needs anyway, keyed by profile and priority.
 */
final class ProfileRows {

    private final ImsSubscriptionXmlWriter writer = new ImsSubscriptionXmlWriter();
    private final ImsSubscriptionXmlParser parser = new ImsSubscriptionXmlParser();

    void upsertProfile(Handle handle, ServiceProfileRecord profile) {
        handle.createUpdate("INSERT INTO service_profile (name, media_profile_id, shared_ifc_sets) VALUES "
                        + "(:name, :media, :sets) ON CONFLICT (name) DO UPDATE SET "
                        + "media_profile_id = excluded.media_profile_id, shared_ifc_sets = excluded.shared_ifc_sets")
                .bind("name", profile.name()).bind("media", profile.subscribedMediaProfileId().orElse(null))
                .bind("sets", Columns.joinInts(profile.sharedIfcSetIds())).execute();
        handle.createUpdate("DELETE FROM profile_ifc WHERE profile_name = :name")
                .bind("name", profile.name()).execute();
        handle.createUpdate("DELETE FROM profile_template WHERE profile_name = :name")
                .bind("name", profile.name()).execute();
        if (!profile.filterCriteria().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch(
                    "INSERT INTO profile_ifc (profile_name, priority, ifc_xml) VALUES (:name, :priority, :xml)");
            for (InitialFilterCriteria ifc : profile.filterCriteria()) {
                batch.bind("name", profile.name()).bind("priority", ifc.priority())
                        .bind("xml", writer.writeFilterCriteria(ifc)).add();
            }
            batch.execute();
        }
        if (!profile.ifcTemplates().isEmpty()) {
            PreparedBatch batch = handle.prepareBatch("INSERT INTO profile_template (profile_name, list_order, "
                    + "template_name) VALUES (:name, :order, :template)");
            int order = 0;
            for (String template : profile.ifcTemplates()) {
                batch.bind("name", profile.name()).bind("order", order++).bind("template", template).add();
            }
            batch.execute();
        }
    }

    /** The named profiles that exist, in name order. */
    Map<String, ServiceProfileRecord> profiles(Handle handle, Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        return assemble(handle, handle.createQuery("SELECT name, media_profile_id, shared_ifc_sets "
                        + "FROM service_profile WHERE name IN (<names>) ORDER BY name")
                .bindList("names", List.copyOf(names)).map((rs, ctx) -> new ProfileRow(rs.getString("name"),
                        Columns.optionalInt(rs, "media_profile_id"), rs.getString("shared_ifc_sets"))).list());
    }

    Map<String, ServiceProfileRecord> allProfiles(Handle handle) {
        return assemble(handle, handle.createQuery(
                        "SELECT name, media_profile_id, shared_ifc_sets FROM service_profile ORDER BY name")
                .map((rs, ctx) -> new ProfileRow(rs.getString("name"), Columns.optionalInt(rs, "media_profile_id"),
                        rs.getString("shared_ifc_sets"))).list());
    }

    static int deleteProfile(Handle handle, String name) {
        return handle.createUpdate("DELETE FROM service_profile WHERE name = :name").bind("name", name).execute();
    }

    static boolean profileInUse(Handle handle, String name) {
        return handle.createQuery("SELECT COUNT(*) FROM public_identity WHERE profile_name = :name")
                .bind("name", name).mapTo(Integer.class).one() > 0;
    }

    void upsertTemplate(Handle handle, IfcTemplate template) {
        handle.createUpdate("INSERT INTO ifc_template (name, priority, ifc_xml) VALUES (:name, :priority, :xml) "
                        + "ON CONFLICT (name) DO UPDATE SET priority = excluded.priority, ifc_xml = excluded.ifc_xml")
                .bind("name", template.name()).bind("priority", template.filterCriteria().priority())
                .bind("xml", writer.writeFilterCriteria(template.filterCriteria())).execute();
    }

    /** The named templates that exist ({@code null} for all), in name order. */
    Map<String, IfcTemplate> templates(Handle handle, Collection<String> names) {
        if (names != null && names.isEmpty()) {
            return Map.of();
        }
        var query = handle.createQuery("SELECT name, ifc_xml FROM ifc_template"
                + (names == null ? "" : " WHERE name IN (<names>)") + " ORDER BY name");
        if (names != null) {
            query.bindList("names", List.copyOf(names));
        }
        Map<String, IfcTemplate> templates = new LinkedHashMap<>();
        query.map((rs, ctx) -> new IfcTemplate(rs.getString("name"),
                        parser.parseFilterCriteria(rs.getString("ifc_xml"))))
                .forEach(template -> templates.put(template.name(), template));
        return templates;
    }

    static int deleteTemplate(Handle handle, String name) {
        return handle.createUpdate("DELETE FROM ifc_template WHERE name = :name").bind("name", name).execute();
    }

    static List<String> profilesUsingTemplate(Handle handle, String template) {
        return handle.createQuery("SELECT profile_name FROM profile_template WHERE template_name = :name "
                + "ORDER BY profile_name").bind("name", template).mapTo(String.class).list();
    }

    private Map<String, ServiceProfileRecord> assemble(Handle handle, List<ProfileRow> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        List<String> names = rows.stream().map(ProfileRow::name).toList();
        Map<String, List<InitialFilterCriteria>> criteria = new LinkedHashMap<>();
        handle.createQuery("SELECT profile_name, ifc_xml FROM profile_ifc WHERE profile_name IN (<names>) "
                        + "ORDER BY profile_name, priority")
                .bindList("names", names)
                .map((rs, ctx) -> Map.entry(rs.getString("profile_name"), rs.getString("ifc_xml")))
                .forEach(e -> criteria.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(parser.parseFilterCriteria(e.getValue())));
        Map<String, List<String>> templates = new LinkedHashMap<>();
        handle.createQuery("SELECT profile_name, template_name FROM profile_template WHERE profile_name IN (<names>) "
                        + "ORDER BY profile_name, list_order")
                .bindList("names", names)
                .map((rs, ctx) -> Map.entry(rs.getString("profile_name"), rs.getString("template_name")))
                .forEach(e -> templates.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<String, ServiceProfileRecord> profiles = new LinkedHashMap<>();
        for (ProfileRow row : rows) {
            profiles.put(row.name, new ServiceProfileRecord(row.name, row.mediaProfileId,
                    criteria.getOrDefault(row.name, List.of()), templates.getOrDefault(row.name, List.of()),
                    Columns.splitInts(row.sharedSets)));
        }
        return profiles;
    }

    private record ProfileRow(String name, java.util.Optional<Integer> mediaProfileId, String sharedSets) {
    }
}
