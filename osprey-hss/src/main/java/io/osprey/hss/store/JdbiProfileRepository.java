package io.osprey.hss.store;

import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.ServiceProfileRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link ProfileRepository} on JDBI. */
final class JdbiProfileRepository implements ProfileRepository {

    private final Transactions transactions;
    private final ProfileRows rows;

    JdbiProfileRepository(Transactions transactions, ProfileRows rows) {
        this.transactions = transactions;
        this.rows = rows;
    }

    @Override
    public void saveServiceProfile(ServiceProfileRecord profile) {
        transactions.provision("save service profile " + profile.name(), h -> {
            UserProfileAssembler.criteriaOf(profile, rows.templates(h, profile.ifcTemplates()));
            rows.upsertProfile(h, profile);
            return null;
        });
    }

    @Override
    public Optional<ServiceProfileRecord> serviceProfile(String name) {
        return transactions.read("read service profile " + name,
                h -> Optional.ofNullable(rows.profiles(h, List.of(name)).get(name)));
    }

    @Override
    public List<ServiceProfileRecord> serviceProfiles() {
        return transactions.read("list service profiles", h -> new ArrayList<>(rows.allProfiles(h).values()));
    }

    @Override
    public boolean deleteServiceProfile(String name) {
        return transactions.provision("delete service profile " + name, h -> {
            if (ProfileRows.profileInUse(h, name)) {
                throw new StoreException(StoreException.Reason.CONSTRAINT,
                        "service profile " + name + " is used by public identities");
            }
            return ProfileRows.deleteProfile(h, name) > 0;
        });
    }

    @Override
    public void saveIfcTemplate(IfcTemplate template) {
        transactions.provision("save iFC template " + template.name(), h -> {
            List<String> users = ProfileRows.profilesUsingTemplate(h, template.name());
            for (ServiceProfileRecord profile : rows.profiles(h, users).values()) {
                Map<String, IfcTemplate> templates = new HashMap<>(rows.templates(h, profile.ifcTemplates()));
                templates.put(template.name(), template);
                UserProfileAssembler.criteriaOf(profile, templates);
            }
            rows.upsertTemplate(h, template);
            return null;
        });
    }

    @Override
    public Optional<IfcTemplate> ifcTemplate(String name) {
        return transactions.read("read iFC template " + name,
                h -> Optional.ofNullable(rows.templates(h, List.of(name)).get(name)));
    }

    @Override
    public List<IfcTemplate> ifcTemplates() {
        return transactions.read("list iFC templates", h -> new ArrayList<>(rows.templates(h, null).values()));
    }

    @Override
    public boolean deleteIfcTemplate(String name) {
        return transactions.provision("delete iFC template " + name, h -> {
            List<String> users = ProfileRows.profilesUsingTemplate(h, name);
            if (!users.isEmpty()) {
                throw new StoreException(StoreException.Reason.CONSTRAINT,
                        "iFC template " + name + " is used by service profiles " + users);
            }
            return ProfileRows.deleteTemplate(h, name) > 0;
        });
    }
}
