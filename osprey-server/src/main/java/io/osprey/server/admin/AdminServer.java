package io.osprey.server.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API under {@code /api/v1}, on the JDK's HTTP server with virtual threads. Every endpoint except
 * {@code GET /api/v1/health} needs {@code Authorization: Bearer <token>}. Errors are RFC 9457 problem JSON.
 */
public final class AdminServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AdminServer.class);
    static final int MAX_BODY_BYTES = 1 << 20;

    /** An endpoint: takes the request, returns the response. */
    @FunctionalInterface
    public interface Endpoint {
        AdminResponse handle(AdminRequest request) throws AdminException;
    }

    private final Map<String, Map<String, Endpoint>> routes = new LinkedHashMap<>();
    private final Map<String, Map<String, Endpoint>> templateRoutes = new LinkedHashMap<>();
    private final Map<String, Endpoint> publicRoutes = new LinkedHashMap<>();
    private final AdminToken token;
    private final ObjectMapper json;
    private HttpServer server;
    private ExecutorService executor;

    public AdminServer(AdminToken token, ObjectMapper json) {
        this.token = token;
        this.json = json;
    }

    /** Registers an authenticated endpoint for {@code method} and exact {@code path}. */
    public AdminServer route(String method, String path, Endpoint endpoint) {
        routes.computeIfAbsent(path, p -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    /**
     * Registers an authenticated endpoint for {@code method} on a path template such as
     * {@code /api/v1/subscribers/{impi}/public-identities/{impu}}: each {@code {parameter}} matches one non-empty
     * segment, literals match exactly, and exact routes win. The path from the first parameter on reaches the
     * endpoint as {@link AdminRequest#pathParameter()}.
     */
    public AdminServer routeTemplate(String method, String template, Endpoint endpoint) {
        if (!template.contains("{") || !Arrays.stream(template.split("/", -1))
                .allMatch(segment -> !segment.contains("{") || isParameter(segment))) {
            throw new IllegalArgumentException("template parameters must be whole {segments}, was " + template);
        }
        templateRoutes.computeIfAbsent(template, t -> new LinkedHashMap<>()).put(method, endpoint);
        return this;
    }

    private static boolean isParameter(String segment) {
        return segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")
                && segment.indexOf('{', 1) < 0;
    }

    /** Whether {@code path} has the template's segments: literals equal, each {parameter} one non-empty segment. */
    private static boolean matchesTemplate(String template, String path) {
        String[] expected = template.split("/", -1);
        String[] actual = path.split("/", -1);
        if (expected.length != actual.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            boolean ok = isParameter(expected[i]) ? !actual[i].isEmpty() : expected[i].equals(actual[i]);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Every registered route as {@code "METHOD /path"}, templates with their {@code {parameter}}. */
    public List<String> routes() {
        List<String> all = new ArrayList<>();
        routes.forEach((path, byMethod) -> byMethod.keySet().forEach(method -> all.add(method + " " + path)));
        templateRoutes.forEach((path, byMethod) -> byMethod.keySet().forEach(method -> all.add(method + " " + path)));
        return all;
    }

    /** Registers an endpoint that needs no token (health). */
    public AdminServer publicRoute(String method, String path, Endpoint endpoint) {
        route(method, path, endpoint);
        publicRoutes.put(method + " " + path, endpoint);
        return this;
    }

    public AdminServer start(String address, int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, port), 64);
        executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", this::serve);
        server.start();
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            AdminResponse response;
            try {
                response = dispatch(exchange);
            } catch (AdminException e) {
                response = AdminResponse.problem(e.problem());
            } catch (RuntimeException e) {
                log.error("admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                response = AdminResponse.problem(Problem.of(500, "internal", "Internal error",
                        "the server failed to handle this request; see its log"));
            }
            write(exchange, response);
        }
    }

    private AdminResponse dispatch(HttpExchange exchange) throws IOException, AdminException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        Map<String, Endpoint> byMethod = routes.get(path);
        String parameter = null;
        if (byMethod == null) {
            for (Map.Entry<String, Map<String, Endpoint>> template : templateRoutes.entrySet()) {
                String prefix = template.getKey().substring(0, template.getKey().indexOf('{'));
                if (matchesTemplate(template.getKey(), path)) {
                    byMethod = template.getValue();
                    parameter = path.substring(prefix.length());
                    break;
                }
            }
        }
        if (byMethod == null) {
            throw new AdminException(Problem.of(404, "not-found", "Not found", "no endpoint at " + path));
        }
        Endpoint endpoint = byMethod.get(method);
        if (endpoint == null) {
            exchange.getResponseHeaders().set("Allow", String.join(", ", byMethod.keySet()));
            throw new AdminException(Problem.of(405, "method-not-allowed", "Method not allowed",
                    method + " is not allowed on " + path + "; allowed: " + String.join(", ", byMethod.keySet())));
        }
        if (!publicRoutes.containsKey(method + " " + path)
                && !token.accepts(exchange.getRequestHeaders().getFirst("Authorization"))) {
            exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer realm=\"osprey\"");
            throw new AdminException(Problem.of(401, "unauthorized", "Unauthorized",
                    "send the admin token as 'Authorization: Bearer <token>' (see data/admin-token)"));
        }
        return endpoint.handle(new AdminRequest(method, path, parameter, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Content-Type"), readBody(exchange.getRequestBody()), json));
    }

    private static byte[] readBody(InputStream in) throws IOException, AdminException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new AdminException(Problem.of(413, "too-large", "Request body too large",
                    "the body exceeds " + MAX_BODY_BYTES + " bytes"));
        }
        return body;
    }

    private void write(HttpExchange exchange, AdminResponse response) throws IOException {
        byte[] body = response.body() == null ? new byte[0] : json.writeValueAsBytes(response.body());
        if (response.body() != null) {
            exchange.getResponseHeaders().set("Content-Type",
                    response.body() instanceof Problem ? "application/problem+json" : "application/json");
        }
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
