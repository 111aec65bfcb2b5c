package io.osprey.server.admin;

import io.osprey.hss.model.ServiceProfileRecord;
import io.osprey.hss.store.ProfileRepository;

/**
 * {@code /api/v1/service-profiles}: named service profiles (TS 29.228 §6.6) that public identities point at.
 *
 * <pre>
 *   GET    /api/v1/service-profiles          every profile, in name order
 *   POST   /api/v1/service-profiles          add one (201); 409 if the name is taken
 *   GET    /api/v1/service-profiles/{name}   one profile
 *   PUT    /api/v1/service-profiles/{name}   replace it
 *   DELETE /api/v1/service-profiles/{name}   remove it (204); 409 while public identities use it
 * </pre>
 * A profile naming an iFC template that does not exist is refused with 404 naming {@code ifcTemplates[i]}; one
 * whose iFCs and templates share a priority with 409 naming {@code ifcTemplates}.
 */
public final class ProfileEndpoints {

    static final String BASE = "/api/v1/service-profiles";

    private final ProfileRepository profiles;
    private final ProfilePushes pushes;

    public ProfileEndpoints(ProfileRepository profiles) {
        this(profiles, ProfilePushes.NONE);
    }

    /** {@code pushes} sends the S-CSCFs the new profile of the registered users a replacement changes. */
    ProfileEndpoints(ProfileRepository profiles, ProfilePushes pushes) {
        this.profiles = profiles;
        this.pushes = pushes;
    }

    public void register(AdminServer server) {
        server.route("GET", BASE, this::list);
        server.route("POST", BASE, this::create);
        server.routeTemplate("GET", BASE + "/{name}", this::show);
        server.routeTemplate("PUT", BASE + "/{name}", this::replace);
        server.routeTemplate("DELETE", BASE + "/{name}", this::delete);
    }

    public AdminResponse list(AdminRequest request) throws AdminException {
        return AdminResponse.ok(ProfileJson.profiles(IfcTemplateEndpoints.store(null, profiles::serviceProfiles)));
    }

    public AdminResponse create(AdminRequest request) throws AdminException {
        ServiceProfileRecord profile = ProfileJson.profile(SubscriberEndpoints.jsonObject(request), null);
        if (IfcTemplateEndpoints.store(null, () -> profiles.serviceProfile(profile.name())).isPresent()) {
            throw new AdminException(new Problem(Problem.BASE + "conflict", "Conflict", 409,
                    "service profile " + profile.name() + " exists already; PUT it to replace it", "name"));
        }
        save(profile);
        return new AdminResponse(201, ProfileJson.profile(profile));
    }

    public AdminResponse show(AdminRequest request) throws AdminException {
        return AdminResponse.ok(ProfileJson.profile(existing(request.pathParameter())));
    }

    public AdminResponse replace(AdminRequest request) throws AdminException {
        ServiceProfileRecord profile = ProfileJson.profile(SubscriberEndpoints.jsonObject(request),
                request.pathParameter());
        existing(profile.name());
        save(profile);
        pushes.serviceProfileChanged(profile.name());
        return AdminResponse.ok(ProfileJson.profile(profile));
    }

    public AdminResponse delete(AdminRequest request) throws AdminException {
        String name = request.pathParameter();
        if (!IfcTemplateEndpoints.store("name", () -> profiles.deleteServiceProfile(name))) {
            throw notFound(name);
        }
        return AdminResponse.noContent();
    }

    private ServiceProfileRecord existing(String name) throws AdminException {
        return IfcTemplateEndpoints.store(null, () -> profiles.serviceProfile(name))
                .orElseThrow(() -> notFound(name));
    }

    private void save(ServiceProfileRecord profile) throws AdminException {
        for (int i = 0; i < profile.ifcTemplates().size(); i++) {
            String template = profile.ifcTemplates().get(i);
            if (IfcTemplateEndpoints.store(null, () -> profiles.ifcTemplate(template)).isEmpty()) {
                throw IfcTemplateEndpoints.notFound("iFC template " + template, "ifcTemplates[" + i + "]");
            }
        }
        // With every template present, the store refuses only a priority shared by two iFCs of the profile.
        IfcTemplateEndpoints.store("ifcTemplates", () -> {
            profiles.saveServiceProfile(profile);
            return null;
        });
    }

    private static AdminException notFound(String name) {
        return IfcTemplateEndpoints.notFound("service profile " + name, "name");
    }
}
