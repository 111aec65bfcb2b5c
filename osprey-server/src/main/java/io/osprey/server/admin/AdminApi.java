package io.osprey.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.osprey.server.config.AdminConfig;
import io.osprey.server.role.Role;
import io.osprey.sip.transport.SipTrace;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds the admin API for the roles running in this process. */
public final class AdminApi {

    private AdminApi() {
    }

    /** Starts the admin server; the returned token says whether it was generated now (to print once). */
    public static Started start(AdminConfig config, List<Role> roles, String version) throws IOException {
        AdminToken token = AdminToken.load(config.token(), config.tokenFile());
        ObjectMapper json = JsonMapper.builder().serializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL).build();
        AdminServer server = new AdminServer(token, json);
        List<String> names = roles.stream().map(Role::name).toList();
        server.publicRoute("GET", "/api/v1/health",
                request -> AdminResponse.ok(Map.of("status", "up", "version", version, "roles", names)));
        List<SipTrace> traces = new ArrayList<>();
        roles.forEach(role -> traces.addAll(role.sipTraces()));
        new TraceEndpoints(traces).register(server);
        server.start(config.listen(), config.port());
        return new Started(server, token);
    }

    /** A running admin server and its token. */
    public record Started(AdminServer server, AdminToken token) {
    }
}
