package io.osprey.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.hss.provisioning.CredentialsChange;
import io.osprey.hss.provisioning.ProvisioningException;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.provisioning.PublicIdentityChange;
import io.osprey.hss.provisioning.SubscriberView;
import io.osprey.hss.store.PageRequest;
import io.osprey.hss.store.StoreException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeSet;

/**
 * {@code /api/v1/subscribers}: provisioning over the HSS {@link ProvisioningService}.
 *
 * <pre>
 *   GET    /api/v1/subscribers?offset=0&amp;limit=100   a page of subscribers
 *   POST   /api/v1/subscribers                       add one (201)
 *   GET    /api/v1/subscribers/{impi}                the subscriber owning an IMPI (or an IMPU)
 *   PATCH  /api/v1/subscribers/{impi}                credentials of the IMPI and/or changes to its public identities
 *   DELETE /api/v1/subscribers/{impi}                the whole subscriber (204)
 *   POST   /api/v1/subscribers/{impi}/public-identities, DELETE .../public-identities/{impu}: {@link IdentityEndpoints}
 *   POST   /api/v1/subscribers/{impi}/private-identities, DELETE .../private-identities/{other-impi}:
 *          {@link PrivateIdentityEndpoints}
 *   POST   /api/v1/subscribers/import                CSV (text/csv): counts and per-line errors
 * </pre>
 * K, OP, OPc and passwords are write-only. Refusals are RFC 9457 problems naming the field: 400 invalid,
 * 404 unknown, 409 conflict, 415 not CSV, 503 store down. A PATCH is atomic: its credentials and every identity
 * change apply in one store transaction, so a refused or failing part leaves the others unapplied.
 */
public final class SubscriberEndpoints {

    static final String BASE = "/api/v1/subscribers";
    static final int DEFAULT_PAGE_SIZE = 100;

    private final ProvisioningService provisioning;
    private final IdentityEndpoints identities;
    private final PrivateIdentityEndpoints privateIdentities;
    private final ProfilePushes profilePushes;

    public SubscriberEndpoints(ProvisioningService provisioning) {
        this(provisioning, ProfilePushes.NONE);
    }

    /** With {@code profilePushes} told of every public identity a PATCH changed (PPR to the serving S-CSCF). */
    SubscriberEndpoints(ProvisioningService provisioning, ProfilePushes profilePushes) {
        this.provisioning = provisioning;
        this.identities = new IdentityEndpoints(provisioning);
        this.privateIdentities = new PrivateIdentityEndpoints(provisioning);
        this.profilePushes = profilePushes;
    }

    public void register(AdminServer server) {
        server.route("GET", BASE, this::list);
        server.route("POST", BASE, this::create);
        server.route("POST", BASE + "/import", this::importCsv);
        server.routeTemplate("GET", BASE + "/{impi}", this::show);
        server.routeTemplate("PATCH", BASE + "/{impi}", this::update);
        server.routeTemplate("DELETE", BASE + "/{impi}", this::delete);
        server.routeTemplate("POST", BASE + "/{impi}/" + IdentityEndpoints.COLLECTION, this::addPublicIdentity);
        server.routeTemplate("DELETE", BASE + "/{impi}/" + IdentityEndpoints.COLLECTION + "/{impu}",
                this::removePublicIdentity);
        server.routeTemplate("POST", BASE + "/{impi}/" + PrivateIdentityEndpoints.COLLECTION,
                this::addPrivateIdentity);
        server.routeTemplate("DELETE", BASE + "/{impi}/" + PrivateIdentityEndpoints.COLLECTION + "/{"
                + PrivateIdentityEndpoints.ITEM_FIELD + "}", this::removePrivateIdentity);
    }

    public AdminResponse list(AdminRequest request) throws AdminException {
        int offset = queryInt(request, "offset", 0, 0, Integer.MAX_VALUE);
        int limit = queryInt(request, "limit", DEFAULT_PAGE_SIZE, 1, PageRequest.MAX_LIMIT);
        return call(null, () -> AdminResponse.ok(SubscriberJson.page(
                provisioning.listSubscribers(new PageRequest(offset, limit)))));
    }

    public AdminResponse create(AdminRequest request) throws AdminException {
        var subscriber = SubscriberJson.newSubscriber(jsonObject(request));
        return call(null, () -> new AdminResponse(201,
                SubscriberJson.subscriber(provisioning.addSubscriber(subscriber))));
    }

    public AdminResponse show(AdminRequest request) throws AdminException {
        return call("impi", () -> AdminResponse.ok(SubscriberJson.subscriber(
                provisioning.findSubscriber(request.pathParameter()))));
    }

    public AdminResponse update(AdminRequest request) throws AdminException {
        JsonNode body = jsonObject(request);
        CredentialsChange credentials = SubscriberJson.credentialsChange(body);
        Map<String, PublicIdentityChange> identities = SubscriberJson.publicIdentityChanges(body);
        if (credentials == null && identities.isEmpty()) {
            throw new AdminException(Problem.invalid("(body)", "nothing to change; give credentials ("
                    + String.join(", ", new TreeSet<>(SubscriberJson.CREDENTIAL_FIELDS))
                    + ") or publicIdentities"));
        }
        String id = request.pathParameter();
        AdminResponse updated = call("impi", () -> AdminResponse.ok(SubscriberJson.subscriber(
                provisioning.updateSubscriber(id, credentials, identities))));
        profilePushes.changed(identities.keySet());
        return updated;
    }

    /** {@code POST {impi}/public-identities}; the path parameter is {@code <impi>/public-identities}. */
    public AdminResponse addPublicIdentity(AdminRequest request) throws AdminException {
        return identities.add(request);
    }

    /** {@code DELETE {impi}/public-identities/{impu}}; the path parameter is {@code <impi>/public-identities/<impu>}. */
    public AdminResponse removePublicIdentity(AdminRequest request) throws AdminException {
        return identities.remove(request);
    }

    /** {@code POST {impi}/private-identities}; the path parameter is {@code <impi>/private-identities}. */
    public AdminResponse addPrivateIdentity(AdminRequest request) throws AdminException {
        return privateIdentities.add(request);
    }

    /**
     * {@code DELETE {impi}/private-identities/{other-impi}}; the path parameter is
     * {@code <impi>/private-identities/<other-impi>}.
     */
    public AdminResponse removePrivateIdentity(AdminRequest request) throws AdminException {
        return privateIdentities.remove(request);
    }

    public AdminResponse delete(AdminRequest request) throws AdminException {
        return call("impi", () -> {
            SubscriberView subscriber = provisioning.findSubscriber(request.pathParameter());
            provisioning.deleteSubscriber(subscriber.subscription().id());
            return AdminResponse.noContent();
        });
    }

    public AdminResponse importCsv(AdminRequest request) throws AdminException {
        String type = request.contentType();
        if (type == null || !type.strip().regionMatches(true, 0, "text/csv", 0, 8)) {
            throw new AdminException(new Problem(Problem.BASE + "unsupported-media-type", "Unsupported media type",
                    415, "send the CSV as Content-Type: text/csv, was " + type, "Content-Type"));
        }
        return call(null, () -> AdminResponse.ok(SubscriberJson.importResult(provisioning.importCsv(
                new InputStreamReader(new ByteArrayInputStream(request.body()), StandardCharsets.UTF_8)))));
    }

    /** A provisioning call whose refusal becomes a problem; {@code notFoundField} names what was not found. */
    private static <T> T call(String notFoundField, ProvisioningCall<T> action) throws AdminException {
        try {
            return action.run();
        } catch (ProvisioningException e) {
            throw new AdminException(problem(e, "", notFoundField));
        } catch (StoreException e) {
            throw new AdminException(unavailable());
        }
    }

    static Problem unavailable() {
        return Problem.of(503, "store-unavailable", "Subscriber store unavailable",
                "the subscriber store cannot be reached; try again");
    }

    static Problem problem(ProvisioningException e, String prefix, String notFoundField) {
        String field = e.field().map(name -> prefix + name).orElse(null);
        return switch (e.kind()) {
            case INVALID -> new Problem(Problem.BASE + "invalid-field", "Invalid field", 400, e.reason(), field);
            case NOT_FOUND -> new Problem(Problem.BASE + "not-found", "Not found", 404, e.reason(),
                    field == null ? notFoundField : field);
            case CONFLICT -> new Problem(Problem.BASE + "conflict", "Conflict", 409, e.reason(), field);
        };
    }

    /** The body as a JSON object; unlike {@link AdminRequest#jsonObject()} a syntax error never echoes the body. */
    static JsonNode jsonObject(AdminRequest request) throws AdminException {
        if (request.body().length == 0) {
            throw new AdminException(Problem.invalid("(body)", "a JSON object is required"));
        }
        JsonNode node;
        try {
            node = request.json().readTree(request.body());
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw new AdminException(Problem.invalid("(body)", "not valid JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())));
        } catch (IOException e) {
            throw new AdminException(Problem.invalid("(body)", "unreadable"));
        }
        if (node == null || !node.isObject()) {
            throw new AdminException(Problem.invalid("(body)", "expected a JSON object"));
        }
        return node;
    }

    private static int queryInt(AdminRequest request, String name, int absent, int min, int max)
            throws AdminException {
        String text = request.queryParameter(name).orElse(null);
        if (text == null) {
            return absent;
        }
        long value;
        try {
            value = text.length() > 10 ? Long.MAX_VALUE : Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new AdminException(Problem.invalid(name, "expected a whole number, was \"" + text + "\""));
        }
        if (value < min || value > max) {
            throw new AdminException(Problem.invalid(name, "must be " + min + " to " + max + ", was " + text));
        }
        return (int) value;
    }

    @FunctionalInterface
    private interface ProvisioningCall<T> {
        T run();
    }
}
