package io.osprey.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.config.AdminConfig;
import io.osprey.server.config.OspreyConfig;
import io.osprey.server.role.Role;
import io.osprey.sip.transport.SipTrace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Builds the admin API for the roles running in this process. */
public final class AdminApi {

    /** The OpenAPI 3.1 description of every endpoint, served at {@value #OPENAPI_PATH}. */
    static final String OPENAPI_RESOURCE = "openapi.json";
    static final String OPENAPI_PATH = "/api/v1/openapi.json";

    private AdminApi() {
    }

    /** The JSON mapper of the admin API: absent (null) fields are left out. */
    public static ObjectMapper jsonMapper() {
        return JsonMapper.builder()
                .serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();
    }

    /**
     * Opens the subscriber store of {@code config} and starts the admin server with provisioning; the store is
     * closed again if the server cannot start, and by {@link Started#close()}.
     */
    public static Started start(OspreyConfig config, List<Role> roles, String version) throws IOException {
        SubscriberStore store = SubscriberStores.open(config.store().toStoreConfig());
        try {
            return start(config.admin(), roles, version, store, config.homeDomain());
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Starts the admin server with provisioning on a store the caller owns and closes (shared with other roles of the
     * process); {@link Started#close()} then stops the server only.
     */
    public static Started startShared(OspreyConfig config, List<Role> roles, String version, SubscriberStore store)
            throws IOException {
        Started started = start(config.admin(), roles, version, store, config.homeDomain());
        return new Started(started.server(), started.token(), null);
    }

    /** Starts the admin server without provisioning; the returned token says whether it was generated now. */
    public static Started start(AdminConfig config, List<Role> roles, String version) throws IOException {
        return start(config, roles, version, null, null);
    }

    /** Starts the admin server; with a {@code store} (closed by {@link Started#close()}) it serves provisioning. */
    public static Started start(AdminConfig config, List<Role> roles, String version, SubscriberStore store,
                                String homeDomain) throws IOException {
        AdminToken token = AdminToken.load(config.token(), config.tokenFile());
        ObjectMapper json = jsonMapper();
        AdminServer server = new AdminServer(token, json);
        List<String> names = roles.stream().map(Role::name).toList();
        server.publicRoute("GET", "/api/v1/health",
                request -> AdminResponse.ok(Map.of("status", "up", "version", version, "roles", names)));
        JsonNode openApi = openApi(json);
        server.publicRoute("GET", OPENAPI_PATH, request -> AdminResponse.ok(openApi));
        List<SipTrace> traces = new ArrayList<>();
        roles.forEach(role -> traces.addAll(role.sipTraces()));
        new TraceEndpoints(traces).register(server);
        Supplier<Optional<CxNotifier>> hss = () -> roles.stream().map(Role::cxNotifier).flatMap(Optional::stream)
                .findFirst();
        new RegistrationEndpoints(hss).register(server);
        if (store != null) {
            ProvisioningService provisioning = new ProvisioningService(store, homeDomain);
            // The ready-made iFCs (mmtel-orig, mmtel-term) an operator attaches by name; existing ones are kept.
            provisioning.installDefaultTemplates();
            ProfilePushes pushes = new ProfilePushes(hss, store.identities());
            new SubscriberEndpoints(provisioning, pushes).register(server);
            new IfcTemplateEndpoints(store.profiles(), pushes).register(server);
            new ProfileEndpoints(store.profiles(), pushes).register(server);
        }
        server.start(config.listen(), config.port());
        return new Started(server, token, store);
    }

    static JsonNode openApi(ObjectMapper json) {
        try (InputStream in = AdminApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + OPENAPI_RESOURCE + " is missing from the build");
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    /** A running admin server, its token and the subscriber store it provisions (null when none). */
    public record Started(AdminServer server, AdminToken token, SubscriberStore store) implements AutoCloseable {

        /** Stops the server, then closes the store. */
        @Override
        public void close() {
            server.close();
            if (store != null) {
                store.close();
            }
        }
    }
}
