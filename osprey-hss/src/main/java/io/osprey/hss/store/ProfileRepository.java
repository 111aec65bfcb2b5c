package io.osprey.hss.store;

import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.ServiceProfileRecord;
import java.util.List;
import java.util.Optional;

/**
 * Named service profiles and shared iFC templates (TS 29.228 §6.6, TS 23.218 §6). Saving checks that the
 * templates exist and that no two iFCs of a profile, its own or from templates, share a priority.
 */
public interface ProfileRepository {

    /** Creates or replaces a service profile. */
    void saveServiceProfile(ServiceProfileRecord profile);

    Optional<ServiceProfileRecord> serviceProfile(String name);

    List<ServiceProfileRecord> serviceProfiles();

    /** Deletes a profile; {@link StoreException.Reason#CONSTRAINT} while identities use it; false if absent. */
    boolean deleteServiceProfile(String name);

    /** Creates or replaces an iFC template; refused if the new priority clashes in a profile that uses it. */
    void saveIfcTemplate(IfcTemplate template);

    Optional<IfcTemplate> ifcTemplate(String name);

    List<IfcTemplate> ifcTemplates();

    /** Deletes a template; {@link StoreException.Reason#CONSTRAINT} while profiles use it; false if absent. */
    boolean deleteIfcTemplate(String name);
}
