package io.osprey.server.admin;

import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.store.ProfileRepository;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.xml.ImsSubscriptionXmlException;
import io.osprey.hss.xml.ImsSubscriptionXmlParser;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * {@code /api/v1/ifc-templates}: shared initial filter criteria (TS 29.228 Annex E, TS 23.218 §6) that service
 * profiles include by name.
 *
 * <pre>
 *   GET    /api/v1/ifc-templates          every template, in name order
 *   POST   /api/v1/ifc-templates          add one (201); 409 if the name is taken
 *   GET    /api/v1/ifc-templates/{name}   one template
 *   PUT    /api/v1/ifc-templates/{name}   replace its iFC; 409 if the priority clashes in a profile using it
 *   DELETE /api/v1/ifc-templates/{name}   remove it (204); 409 while service profiles include it
 * </pre>
 * POST and PUT take JSON, or with {@code Content-Type: application/xml} one TS 29.228
 * {@code <InitialFilterCriteria>} element (the name then comes from the URL, or {@code ?name=} on POST).
 */
public final class IfcTemplateEndpoints {

    static final String BASE = "/api/v1/ifc-templates";

    private final ProfileRepository profiles;
    private final ProfilePushes pushes;
    private final ImsSubscriptionXmlParser xml = new ImsSubscriptionXmlParser();

    public IfcTemplateEndpoints(ProfileRepository profiles) {
        this(profiles, ProfilePushes.NONE);
    }

    /** {@code pushes} sends the S-CSCFs the new profile of the registered users a replacement changes. */
    IfcTemplateEndpoints(ProfileRepository profiles, ProfilePushes pushes) {
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
        return AdminResponse.ok(IfcTemplateJsonWriter.templates(store(null, profiles::ifcTemplates)));
    }

    public AdminResponse create(AdminRequest request) throws AdminException {
        IfcTemplate template = read(request, null);
        if (store(null, () -> profiles.ifcTemplate(template.name())).isPresent()) {
            throw new AdminException(new Problem(Problem.BASE + "conflict", "Conflict", 409,
                    "iFC template " + template.name() + " exists already; PUT it to replace it", "name"));
        }
        save(template);
        return new AdminResponse(201, IfcTemplateJsonWriter.template(template));
    }

    public AdminResponse show(AdminRequest request) throws AdminException {
        return AdminResponse.ok(IfcTemplateJsonWriter.template(existing(request.pathParameter())));
    }

    public AdminResponse replace(AdminRequest request) throws AdminException {
        IfcTemplate template = read(request, request.pathParameter());
        existing(template.name());
        save(template);
        pushes.ifcTemplateChanged(template.name());
        return AdminResponse.ok(IfcTemplateJsonWriter.template(template));
    }

    public AdminResponse delete(AdminRequest request) throws AdminException {
        String name = request.pathParameter();
        if (!store("name", () -> profiles.deleteIfcTemplate(name))) {
            throw notFound(name);
        }
        return AdminResponse.noContent();
    }

    private IfcTemplate existing(String name) throws AdminException {
        return store(null, () -> profiles.ifcTemplate(name)).orElseThrow(() -> notFound(name));
    }

    private void save(IfcTemplate template) throws AdminException {
        // The only refusal left once the body is valid: the priority clashes with an iFC of a using profile.
        store("initialFilterCriteria.priority", () -> {
            profiles.saveIfcTemplate(template);
            return null;
        });
    }

    private IfcTemplate read(AdminRequest request, String pathName) throws AdminException {
        if (!isXml(request.contentType())) {
            return IfcTemplateJsonReader.template(SubscriberEndpoints.jsonObject(request), pathName);
        }
        String name = pathName != null ? pathName : request.queryParameter("name").orElseThrow(() ->
                new AdminException(Problem.invalid("name", "is required: give it as ?name= with an XML body")));
        InitialFilterCriteria ifc;
        try {
            ifc = xml.parseFilterCriteria(new String(request.body(), StandardCharsets.UTF_8));
        } catch (ImsSubscriptionXmlException e) {
            throw new AdminException(Problem.invalid(e.path().isEmpty() ? "(body)" : e.path(), e.getMessage()));
        } catch (InvalidValueException e) {
            throw new AdminException(Problem.invalid("(body)", e.getMessage()));
        }
        return IfcTemplateJsonReader.build("", () -> new IfcTemplate(name, ifc));
    }

    static boolean isXml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.strip();
        return type.regionMatches(true, 0, "application/xml", 0, 15) || type.regionMatches(true, 0, "text/xml", 0, 8);
    }

    static AdminException notFound(String what, String field) {
        return new AdminException(new Problem(Problem.BASE + "not-found", "Not found", 404,
                what + " does not exist", field));
    }

    private static AdminException notFound(String name) {
        return notFound("iFC template " + name, "name");
    }

    /**
     * A store call: UNAVAILABLE is 503; NOT_FOUND 404 and DUPLICATE or CONSTRAINT (in use, priority clash) 409,
     * both naming {@code conflictField}.
     */
    static <T> T store(String conflictField, Supplier<T> action) throws AdminException {
        try {
            return action.get();
        } catch (StoreException e) {
            throw new AdminException(switch (e.reason()) {
                case NOT_FOUND -> new Problem(Problem.BASE + "not-found", "Not found", 404, e.getMessage(),
                        conflictField);
                case DUPLICATE, CONSTRAINT -> new Problem(Problem.BASE + "conflict", "Conflict", 409, e.getMessage(),
                        conflictField);
                case UNAVAILABLE -> SubscriberEndpoints.unavailable();
                case NO_AKA_KEYS -> throw e;
            });
        }
    }
}
