package io.osprey.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.server.config.AdminConfig;
import io.osprey.server.role.Role;
import io.osprey.sip.transport.SipTrace;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final SipTrace trace = new SipTrace();
    private AdminApi.Started admin;

    @TempDir
    Path dir;

    private final Role fakeRole = new Role() {
        @Override
        public String name() {
            return "proxy";
        }

        @Override
        public void start() {
        }

        @Override
        public List<SipTrace> sipTraces() {
            return List.of(trace);
        }

        @Override
        public String describe() {
            return "fake";
        }

        @Override
        public void close() {
        }
    };

    private void start(String token) throws Exception {
        admin = AdminApi.start(new AdminConfig("127.0.0.1", 0, token, dir.resolve("admin-token")), List.of(fakeRole),
                "test");
    }

    @AfterEach
    void stop() {
        if (admin != null) {
            admin.server().close();
        }
    }

    private HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + admin.server().port() + path));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void generatesAnOwnerOnlyTokenOnFirstStartAndReusesItAfter() throws Exception {
        start(null);
        assertThat(admin.token().generated()).isTrue();
        Path file = dir.resolve("admin-token");
        assertThat(Files.readString(file).strip()).isEqualTo(admin.token().value()).hasSize(64);
        assertThat(Files.getPosixFilePermissions(file)).extracting(Object::toString)
                .containsExactlyInAnyOrder("OWNER_READ", "OWNER_WRITE");
        admin.server().close();
        start(null);
        assertThat(admin.token().generated()).isFalse();
        assertThat(admin.token().value()).isEqualTo(Files.readString(file).strip());
    }

    @Test
    void healthIsPublicButEverythingElseNeedsTheToken() throws Exception {
        start("s3cret-token-0123456789");
        HttpResponse<String> health = call("GET", "/api/v1/health", null, null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(json.readTree(health.body()).get("roles").get(0).asText()).isEqualTo("proxy");

        HttpResponse<String> anonymous = call("GET", "/api/v1/trace", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"osprey\"");
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(anonymous.body()).get("status").asInt()).isEqualTo(401);

        assertThat(call("GET", "/api/v1/trace", "wrong-token-0123456789", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/api/v1/trace", "s3cret-token-0123456789", null).statusCode()).isEqualTo(200);
    }

    @Test
    void traceCanBeSwitchedOnAndOffAtRunTime() throws Exception {
        String token = "s3cret-token-0123456789";
        start(token);
        HttpResponse<String> put = call("PUT", "/api/v1/trace", token, "{\"users\": [\"alice\"], \"callIds\": [\"c1@h\"]}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(trace.users()).containsExactly("alice");
        assertThat(trace.callIds()).containsExactly("c1@h");
        JsonNode state = json.readTree(call("GET", "/api/v1/trace", token, null).body());
        assertThat(state.get("users").get(0).asText()).isEqualTo("alice");
        assertThat(state.get("all").asBoolean()).isFalse();

        assertThat(call("DELETE", "/api/v1/trace", token, null).statusCode()).isEqualTo(204);
        assertThat(trace.users()).isEmpty();
    }

    @Test
    void badInputIsAProblemNamingTheField() throws Exception {
        String token = "s3cret-token-0123456789";
        start(token);
        JsonNode unknown = json.readTree(call("PUT", "/api/v1/trace", token, "{\"user\": [\"a\"]}").body());
        assertThat(unknown.get("status").asInt()).isEqualTo(400);
        assertThat(unknown.get("field").asText()).isEqualTo("user");

        JsonNode wrongType = json.readTree(call("PUT", "/api/v1/trace", token, "{\"users\": [\"a\", 5]}").body());
        assertThat(wrongType.get("field").asText()).isEqualTo("users[1]");

        JsonNode broken = json.readTree(call("PUT", "/api/v1/trace", token, "{not json").body());
        assertThat(broken.get("field").asText()).isEqualTo("(body)");
        assertThat(trace.users()).as("nothing applied from bad requests").isEmpty();

        HttpResponse<String> wrongMethod = call("POST", "/api/v1/trace", token, "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();
        assertThat(call("GET", "/api/v1/nothing", token, null).statusCode()).isEqualTo(404);
    }

    @Test
    void endingARegistrationNeedsTheHssInThisProcessAndSaysWhatIsWrong() throws Exception {
        String token = "registration-secret-0123";
        start(token);
        HttpResponse<String> noHss = call("DELETE", "/api/v1/registrations/sip:alice@ims.test", token, null);
        assertThat(noHss.statusCode()).isEqualTo(503);
        assertThat(noHss.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json.readTree(noHss.body()).get("type").asText()).endsWith("/hss-not-here");

        HttpResponse<String> badReason = call("DELETE", "/api/v1/registrations/sip:alice@ims.test?reason=because",
                token, null);
        assertThat(badReason.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badReason.body()).get("field").asText()).isEqualTo("reason");
        assertThat(badReason.body()).contains("server-change");

        HttpResponse<String> badIdentity = call("DELETE", "/api/v1/registrations/mailto:alice@ims.test", token, null);
        assertThat(badIdentity.statusCode()).isEqualTo(400);
        assertThat(json.readTree(badIdentity.body()).get("field").asText()).isEqualTo("impu");

        assertThat(call("DELETE", "/api/v1/registrations/sip:alice@ims.test", null, null).statusCode())
                .as("authenticated").isEqualTo(401);
    }
}
