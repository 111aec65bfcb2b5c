package io.osprey.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.hss.store.ProfileRepository;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.config.AdminConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

/** An admin API with a fresh SQLite store on loopback, for the profile and iFC template endpoint tests. */
final class ProfileApiTestClient implements AutoCloseable {

    static final String TOKEN = "s3cret-token-0123456789";
    static final String HOME_DOMAIN = "ims.mnc001.mcc001.3gppnetwork.org";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final AdminApi.Started admin;

    ProfileApiTestClient(Path dir) throws Exception {
        admin = AdminApi.start(new AdminConfig("127.0.0.1", 0, TOKEN, dir.resolve("admin-token")), List.of(), "test",
                SubscriberStores.open(StoreConfig.of("sqlite:" + dir.resolve("osprey.db"))), HOME_DOMAIN);
    }

    HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + admin.server().port() + path)).header("Authorization", "Bearer " + TOKEN);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends JSON and returns the parsed answer after checking the status. */
    JsonNode send(String method, String path, String body, int status) throws Exception {
        HttpResponse<String> response = call(method, path, body == null ? null : "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    JsonNode read(String text) throws Exception {
        return json.readTree(text);
    }

    /** Checks an RFC 9457 problem answer: status, type suffix and the field it names. */
    void assertProblem(HttpResponse<String> response, int status, String type, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://osprey.dev/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("field").asText()).as(response.body()).isEqualTo(field);
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    void assertProblem(String method, String path, String body, int status, String type, String field)
            throws Exception {
        assertProblem(call(method, path, "application/json", body), status, type, field);
    }

    /** The templates and profiles as stored, to check what the JSON reader built without the JSON writer. */
    ProfileRepository profiles() {
        return admin.store().profiles();
    }

    @Override
    public void close() {
        admin.close();
    }
}
