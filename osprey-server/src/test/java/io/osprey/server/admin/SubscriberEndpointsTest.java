package io.osprey.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.config.AdminConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubscriberEndpointsTest {

    static final String TOKEN = "s3cret-token-0123456789";
    // TS 35.208 test set 1
    static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    static final String OP = "cdc202d5123e20f62b6d676ac72cb318";
    static final String PASSWORD = "correct-horse-battery";
    static final String IMPI = "alice@ims.mnc001.mcc001.3gppnetwork.org";
    static final String IMPU = "sip:alice@ims.mnc001.mcc001.3gppnetwork.org";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private AdminApi.Started admin;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws Exception {
        admin = AdminApi.start(new AdminConfig("127.0.0.1", 0, TOKEN, dir.resolve("admin-token")), List.of(), "test",
                SubscriberStores.open(StoreConfig.of("sqlite:" + dir.resolve("osprey.db"))),
                "ims.mnc001.mcc001.3gppnetwork.org");
    }

    @AfterEach
    void stop() {
        admin.close();
    }

    private HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + admin.server().port() + path)).header("Authorization", "Bearer " + TOKEN);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.body().toLowerCase(Locale.ROOT)).as("no secret in any response")
                .doesNotContain(K).doesNotContain(OP).doesNotContain(PASSWORD);
        return response;
    }

    private JsonNode add(String body) throws Exception {
        HttpResponse<String> response = call("POST", "/api/v1/subscribers", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    private static String alice() {
        return "{\"impi\":\"" + IMPI + "\",\"impu\":\"" + IMPU + "\",\"tel\":\"tel:+15551230001\",\"k\":\"" + K
                + "\",\"op\":\"" + OP + "\",\"amf\":\"8000\"}";
    }

    private void assertProblem(HttpResponse<String> response, int status, String type, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("type").asText()).isEqualTo("https://osprey.dev/problems/" + type);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        if (field == null) {
            assertThat(problem.has("field")).isFalse();
        } else {
            assertThat(problem.get("field").asText()).isEqualTo(field);
        }
        assertThat(problem.get("detail").asText()).isNotBlank();
    }

    @Test
    void addShowsTheSubscriberWithoutSecrets() throws Exception {
        JsonNode added = add(alice());
        assertThat(added.get("subscriptionId").asText()).isEqualTo(IMPI);
        JsonNode impi = added.get("privateIdentities").get(0);
        assertThat(impi.get("impi").asText()).isEqualTo(IMPI);
        assertThat(impi.get("hasAkaKeys").asBoolean()).isTrue();
        assertThat(impi.get("hasDigestSecret").asBoolean()).isFalse();
        List<String> impus = new ArrayList<>();
        added.get("publicIdentities").forEach(p -> impus.add(p.get("impu").asText()));
        assertThat(impus).containsExactlyInAnyOrder(IMPU, "tel:+15551230001");

        JsonNode shown = json.readTree(call("GET", "/api/v1/subscribers/" + IMPI, null, null).body());
        assertThat(shown).isEqualTo(added);
        JsonNode byImpu = json.readTree(call("GET", "/api/v1/subscribers/tel:+15551230001", null, null).body());
        assertThat(byImpu.get("subscriptionId").asText()).isEqualTo(IMPI);
    }

    @Test
    void listIsPaged() throws Exception {
        for (int i = 0; i < 3; i++) {
            add("{\"impi\":\"u" + i + "@ims.example.org\",\"impu\":\"sip:u" + i + "@ims.example.org\",\"password\":\""
                    + PASSWORD + "\"}");
        }
        JsonNode page = json.readTree(call("GET", "/api/v1/subscribers?offset=1&limit=1", null, null).body());
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("offset").asInt()).isEqualTo(1);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("subscriptionId").asText()).isEqualTo("u1@ims.example.org");
        assertThat(page.get("hasNext").asBoolean()).isTrue();
        assertThat(json.readTree(call("GET", "/api/v1/subscribers", null, null).body()).get("items")).hasSize(3);

        assertProblem(call("GET", "/api/v1/subscribers?limit=0", null, null), 400, "invalid-field", "limit");
        assertProblem(call("GET", "/api/v1/subscribers?offset=x", null, null), 400, "invalid-field", "offset");
        assertProblem(call("GET", "/api/v1/subscribers?limit=1001", null, null), 400, "invalid-field", "limit");
    }

    @Test
    void badNewSubscribersAreProblemsNamingTheField() throws Exception {
        String path = "/api/v1/subscribers";
        assertProblem(call("POST", path, "application/json", "{\"impu\":\"" + IMPU + "\",\"password\":\"x1\"}"), 400,
                "invalid-field", "impi");
        assertProblem(call("POST", path, "application/json", alice().replace(K, "zz" + K.substring(2))), 400,
                "invalid-field", "k");
        assertProblem(call("POST", path, "application/json", alice().replace(OP, OP.substring(2))), 400,
                "invalid-field", "op");
        assertProblem(call("POST", path, "application/json", "{\"impi\":\"" + IMPI + "\",\"impu\":\"" + IMPU + "\"}"),
                400, "invalid-field", "k");
        assertProblem(call("POST", path, "application/json", alice().replace("{", "{\"kk\":\"1\",")), 400,
                "invalid-field", "kk");
        assertProblem(call("POST", path, "application/json", alice().replace("\"8000\"", "8000")), 400,
                "invalid-field", "amf");
        assertProblem(call("POST", path, "application/json", "{\"k\": " + K.substring(0, 8) + "x}"), 400,
                "invalid-field", "(body)");
        assertThat(json.readTree(call("GET", path, null, null).body()).get("total").asInt()).isZero();
    }

    @Test
    void duplicateIdentitiesAreConflicts() throws Exception {
        add(alice());
        assertProblem(call("POST", "/api/v1/subscribers", "application/json", alice()), 409, "conflict", "impi");
        String otherImpiSameTel = alice().replace("\"impi\":\"alice@", "\"impi\":\"bob@")
                .replace("\"impu\":\"sip:alice@", "\"impu\":\"sip:bob@");
        assertProblem(call("POST", "/api/v1/subscribers", "application/json", otherImpiSameTel), 409, "conflict",
                "tel");
    }

    @Test
    void unknownIdentitiesAreNotFound() throws Exception {
        String path = "/api/v1/subscribers/nobody@ims.example.org";
        assertProblem(call("GET", path, null, null), 404, "not-found", "impi");
        assertProblem(call("DELETE", path, null, null), 404, "not-found", "impi");
        assertProblem(call("PATCH", path, "application/json", "{\"password\":\"" + PASSWORD + "\"}"), 404,
                "not-found", "impi");
    }

    @Test
    void patchChangesCredentialsAndPublicIdentities() throws Exception {
        add(alice());
        String path = "/api/v1/subscribers/" + IMPI;
        HttpResponse<String> patched = call("PATCH", path, "application/json", "{\"password\":\"" + PASSWORD
                + "\",\"sqn\":32,\"publicIdentities\":[{\"impu\":\"" + IMPU + "\",\"barred\":true,"
                + "\"displayName\":\"Alice\"}]}");
        assertThat(patched.statusCode()).as(patched.body()).isEqualTo(200);
        JsonNode shown = json.readTree(call("GET", path, null, null).body());
        assertThat(shown.get("privateIdentities").get(0).get("hasDigestSecret").asBoolean()).isTrue();
        assertThat(shown.get("privateIdentities").get(0).get("sqn").asLong()).isEqualTo(32);
        for (JsonNode impu : shown.get("publicIdentities")) {
            boolean isSip = impu.get("impu").asText().equals(IMPU);
            assertThat(impu.get("barred").asBoolean()).isEqualTo(isSip);
            assertThat(impu.has("displayName")).isEqualTo(isSip);
        }

        assertProblem(call("PATCH", path, "application/json", "{}"), 400, "invalid-field", "(body)");
        assertProblem(call("PATCH", path, "application/json", "{\"k\":\"abc\"}"), 400, "invalid-field", "k");
        assertProblem(call("PATCH", path, "application/json", "{\"publicIdentities\":[{\"barred\":true}]}"), 400,
                "invalid-field", "publicIdentities[0].impu");
        assertProblem(call("PATCH", path, "application/json",
                "{\"publicIdentities\":[{\"impu\":\"" + IMPU + "\",\"barred\":\"yes\"}]}"), 400, "invalid-field",
                "publicIdentities[0].barred");
        assertProblem(call("PATCH", path, "application/json",
                "{\"publicIdentities\":[{\"impu\":\"sip:ghost@ims.example.org\"}]}"), 404, "not-found",
                "publicIdentities[0].impu");
    }

    @Test
    void deleteRemovesTheWholeSubscriber() throws Exception {
        add(alice());
        assertThat(call("DELETE", "/api/v1/subscribers/" + IMPU, null, null).statusCode()).isEqualTo(204);
        assertProblem(call("GET", "/api/v1/subscribers/" + IMPI, null, null), 404, "not-found", "impi");
        assertProblem(call("GET", "/api/v1/subscribers/tel:+15551230001", null, null), 404, "not-found", "impi");
    }

    @Test
    void postAddsAPublicIdentityForTheSubscriber() throws Exception {
        add(alice());
        String path = "/api/v1/subscribers/" + IMPI + "/public-identities";
        HttpResponse<String> created = call("POST", path, "application/json",
                "{\"impu\":\"sip:alice.work@ims.example.org\",\"barred\":true,\"displayName\":\"Work\",\"implicitSet\":2}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode identity = json.readTree(created.body());
        assertThat(identity.get("impu").asText()).isEqualTo("sip:alice.work@ims.example.org");
        assertThat(identity.get("barred").asBoolean()).isTrue();
        assertThat(identity.get("displayName").asText()).isEqualTo("Work");
        assertThat(identity.get("implicitSet").asInt()).isEqualTo(2);
        assertThat(identity.get("privateIdentities").get(0).asText()).isEqualTo(IMPI);
        JsonNode owner = json.readTree(call("GET", "/api/v1/subscribers/sip:alice.work@ims.example.org", null, null)
                .body());
        assertThat(owner.get("subscriptionId").asText()).isEqualTo(IMPI);
        assertThat(owner.get("publicIdentities")).hasSize(3);

        assertProblem(call("POST", path, "application/json", "{\"impu\":\"tel:+15551230001\"}"), 409, "conflict",
                "impu");
        assertProblem(call("POST", path, "application/json", "{\"impu\":\"no-scheme\"}"), 400, "invalid-field",
                "impu");
        assertProblem(call("POST", path, "application/json", "{\"barred\":true}"), 400, "invalid-field", "impu");
        assertProblem(call("POST", path, "application/json", "{\"impu\":\"sip:x@ims.example.org\",\"colour\":1}"),
                400, "invalid-field", "colour");
        assertProblem(call("POST", "/api/v1/subscribers/nobody@ims.example.org/public-identities", "application/json",
                "{\"impu\":\"sip:nobody@ims.example.org\"}"), 404, "not-found", "impi");
        assertProblem(call("POST", "/api/v1/subscribers/" + IMPI, "application/json",
                "{\"impu\":\"sip:x@ims.example.org\"}"), 405, "method-not-allowed", null);
        HttpResponse<String> list = call("GET", path, null, null);
        assertProblem(list, 405, "method-not-allowed", null);
        assertThat(list.headers().firstValue("Allow")).hasValue("POST");
    }

    @Test
    void deleteRemovesOnePublicIdentityButNotTheLastSipUri() throws Exception {
        add(alice());
        String identities = "/api/v1/subscribers/" + IMPI + "/public-identities/";
        assertThat(call("DELETE", identities + "tel:+15551230001", null, null).statusCode()).isEqualTo(204);
        JsonNode shown = json.readTree(call("GET", "/api/v1/subscribers/" + IMPI, null, null).body());
        assertThat(shown.get("publicIdentities")).hasSize(1);
        assertThat(shown.get("publicIdentities").get(0).get("impu").asText()).isEqualTo(IMPU);

        assertProblem(call("DELETE", identities + IMPU, null, null), 409, "conflict", "impu");
        assertProblem(call("DELETE", identities + "tel:+15551230001", null, null), 404, "not-found", "impu");
        assertProblem(call("DELETE", "/api/v1/subscribers/nobody@ims.example.org/public-identities/" + IMPU, null,
                null), 404, "not-found", "impi");
        assertProblem(call("DELETE", identities, null, null), 404, "not-found", null);
        assertThat(call("GET", "/api/v1/subscribers/" + IMPU, null, null).statusCode()).isEqualTo(200);
    }

    /** Asserts the whole problem document: type, title, status, detail and field (null when none), nothing else. */
    private void assertExactProblem(HttpResponse<String> response, int status, String type, String title,
                                    String detail, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        var expected = json.createObjectNode().put("type", "https://osprey.dev/problems/" + type).put("title", title)
                .put("status", status).put("detail", detail);
        if (field != null) {
            expected.put("field", field);
        }
        assertThat(json.readTree(response.body())).isEqualTo(expected);
    }

    private static final String TABLET = "alice-tablet@ims.mnc001.mcc001.3gppnetwork.org";

    @Test
    void postAddsAPrivateIdentityThatMayUseEveryPublicIdentity() throws Exception {
        add(alice());
        String path = "/api/v1/subscribers/" + IMPI + "/private-identities";
        HttpResponse<String> created = call("POST", path, "application/json",
                "{\"impi\":\"" + TABLET + "\",\"password\":\"" + PASSWORD + "\",\"sqn\":5}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(json.readTree(created.body())).isEqualTo(json.readTree("{\"impi\":\"" + TABLET + "\","
                + "\"authSchemes\":[\"digest-md5\",\"digest-sha256\"],\"hasAkaKeys\":false,\"hasDigestSecret\":true,"
                + "\"sqn\":5}"));

        JsonNode owner = json.readTree(call("GET", "/api/v1/subscribers/" + TABLET, null, null).body());
        assertThat(owner.get("subscriptionId").asText()).isEqualTo(IMPI);
        assertThat(owner.get("privateIdentities")).hasSize(2);
        for (JsonNode impu : owner.get("publicIdentities")) {
            List<String> users = new ArrayList<>();
            impu.get("privateIdentities").forEach(user -> users.add(user.asText()));
            assertThat(users).containsExactlyInAnyOrder(IMPI, TABLET);
        }

        HttpResponse<String> aka = call("POST", path, "application/json", "{\"impi\":\"alice-watch@ims.example.org\","
                + "\"k\":\"" + K + "\",\"op\":\"" + OP + "\",\"amf\":\"9000\"}");
        assertThat(aka.statusCode()).as(aka.body()).isEqualTo(201);
        assertThat(json.readTree(aka.body()).get("hasAkaKeys").asBoolean()).isTrue();
    }

    @Test
    void badNewPrivateIdentitiesAreProblemsNamingTheField() throws Exception {
        add(alice());
        String path = "/api/v1/subscribers/" + IMPI + "/private-identities";
        assertExactProblem(call("POST", path, "application/json", "{\"impi\":\"" + IMPI + "\",\"password\":\"x1\"}"),
                409, "conflict", "Conflict", "private identity " + IMPI + " exists already", "impi");
        assertExactProblem(call("POST", path, "application/json", "{\"password\":\"x1\"}"), 400, "invalid-field",
                "Invalid field", "is required", "impi");
        assertExactProblem(call("POST", path, "application/json", "{\"impi\":\"no-realm\",\"password\":\"x1\"}"),
                400, "invalid-field", "Invalid field", "must be a NAI username@realm, was \"no-realm\"", "impi");
        assertExactProblem(call("POST", path, "application/json", "{\"impi\":\"" + TABLET + "\",\"k\":\""
                + K.substring(2) + "\",\"op\":\"" + OP + "\"}"), 400, "invalid-field", "Invalid field",
                "must be 32 hex digits (16 octets), was 30 characters", "k");
        assertExactProblem(call("POST", path, "application/json", "{\"impi\":\"" + TABLET + "\"}"), 400,
                "invalid-field", "Invalid field", "give AKA keys (k with op or opc) or a password", "k");
        assertExactProblem(call("POST", path, "application/json", "{\"impi\":\"" + TABLET + "\",\"password\":\"x1\","
                + "\"sqn\":\"5\"}"), 400, "invalid-field", "Invalid field", "expected a whole number", "sqn");
        assertExactProblem(call("POST", path, "application/json", "{\"impi\":\"" + TABLET + "\",\"impu\":\"" + IMPU
                + "\"}"), 400, "invalid-field", "Invalid field",
                "unknown field; expected one of [amf, impi, k, op, opc, password, sqn]", "impu");
        assertExactProblem(call("POST", path, "application/json", "[]"), 400, "invalid-field", "Invalid field",
                "expected a JSON object", "(body)");
        assertExactProblem(call("POST", "/api/v1/subscribers/nobody@ims.example.org/private-identities",
                "application/json", "{\"impi\":\"" + TABLET + "\",\"password\":\"x1\"}"), 404, "not-found",
                "Not found", "no subscriber has identity nobody@ims.example.org", "impi");
        HttpResponse<String> list = call("GET", path, null, null);
        assertProblem(list, 405, "method-not-allowed", null);
        assertThat(list.headers().firstValue("Allow")).hasValue("POST");
        assertThat(json.readTree(call("GET", "/api/v1/subscribers/" + IMPI, null, null).body())
                .get("privateIdentities")).hasSize(1);
    }

    @Test
    void deleteRemovesAPrivateIdentityButNotTheLastOne() throws Exception {
        add(alice());
        String identities = "/api/v1/subscribers/" + IMPI + "/private-identities/";
        assertThat(call("POST", "/api/v1/subscribers/" + IMPI + "/private-identities", "application/json",
                "{\"impi\":\"" + TABLET + "\",\"password\":\"x1\"}").statusCode()).isEqualTo(201);

        assertThat(call("DELETE", "/api/v1/subscribers/" + IMPU + "/private-identities/" + TABLET, null, null)
                .statusCode()).isEqualTo(204);
        JsonNode shown = json.readTree(call("GET", "/api/v1/subscribers/" + IMPI, null, null).body());
        assertThat(shown.get("privateIdentities")).hasSize(1);
        assertProblem(call("GET", "/api/v1/subscribers/" + TABLET, null, null), 404, "not-found", "impi");

        assertExactProblem(call("DELETE", identities + IMPI, null, null), 409, "conflict", "Conflict",
                "private identity " + IMPI + " is the subscriber's last one; delete the subscriber instead",
                "other-impi");
        assertExactProblem(call("DELETE", identities + TABLET, null, null), 404, "not-found", "Not found",
                "subscriber " + IMPI + " has no private identity " + TABLET, "other-impi");
        assertExactProblem(call("DELETE", identities + "no-realm", null, null), 400, "invalid-field", "Invalid field",
                "must be a NAI username@realm, was \"no-realm\"", "other-impi");
        assertExactProblem(call("DELETE", "/api/v1/subscribers/nobody@ims.example.org/private-identities/" + IMPI,
                null, null), 404, "not-found", "Not found", "no subscriber has identity nobody@ims.example.org", "impi");
        assertThat(call("GET", "/api/v1/subscribers/" + IMPI, null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void aPatchWhoseSecondPartFailsLeavesTheFirstUnapplied() throws Exception {
        add(alice());
        String path = "/api/v1/subscribers/" + IMPI;
        JsonNode before = json.readTree(call("GET", path, null, null).body());

        assertExactProblem(call("PATCH", path, "application/json", "{\"password\":\"" + PASSWORD + "\",\"sqn\":32,"
                + "\"publicIdentities\":[{\"impu\":\"" + IMPU + "\",\"barred\":true},"
                + "{\"impu\":\"tel:+15551230001\",\"profile\":\"gold\"}]}"), 400, "invalid-field", "Invalid field",
                "service profile gold does not exist", "publicIdentities[1].profile");
        assertThat(json.readTree(call("GET", path, null, null).body())).isEqualTo(before);

        assertExactProblem(call("PATCH", path, "application/json", "{\"sqn\":32,\"publicIdentities\":["
                + "{\"impu\":\"" + IMPU + "\",\"barred\":true},{\"impu\":\"" + IMPU + "\",\"barred\":false}]}"), 400,
                "invalid-field", "Invalid field", IMPU + " appears twice", "publicIdentities[1].impu");
        assertExactProblem(call("PATCH", path, "application/json", "{\"sqn\":32,\"publicIdentities\":["
                + "{\"impu\":\"" + IMPU + "\",\"barred\":true},{\"impu\":\"tel:+15551230001\",\"implicitSet\":-1}]}"),
                400, "invalid-field", "Invalid field", "must be 0 to 2147483647, was -1", "publicIdentities[1].implicitSet");
        assertThat(json.readTree(call("GET", path, null, null).body())).isEqualTo(before);
    }

    @Test
    void importReturnsCountsAndLineErrors() throws Exception {
        String csv = "impi,impu,k,op,password\n"
                + "a@ims.example.org,sip:a@ims.example.org," + K + "," + OP + ",\n"
                + "b@ims.example.org,sip:b@ims.example.org,,," + PASSWORD + "\n"
                + "c@ims.example.org,sip:c@ims.example.org,12," + OP + ",\n"
                + "d@ims.example.org,sip:a@ims.example.org,,," + PASSWORD + "\n";
        HttpResponse<String> response = call("POST", "/api/v1/subscribers/import", "text/csv", csv);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.get("imported").asInt()).isEqualTo(2);
        assertThat(result.get("failed").asInt()).isEqualTo(2);
        assertThat(result.get("errors").get(0).get("line").asInt()).isEqualTo(4);
        assertThat(result.get("errors").get(0).get("field").asText()).isEqualTo("k");
        assertThat(result.get("errors").get(1).get("line").asInt()).isEqualTo(5);
        assertThat(result.get("errors").get(1).get("field").asText()).isEqualTo("impu");

        assertProblem(call("POST", "/api/v1/subscribers/import", "application/json", csv), 415,
                "unsupported-media-type", "Content-Type");
        assertProblem(call("POST", "/api/v1/subscribers/import", "text/csv", "impi,colour\n"), 400, "invalid-field",
                "header");
    }

    @Test
    void templateRoutesMatchOnlyANonEmptyRestAndExactRoutesWin() throws Exception {
        assertThat(call("GET", "/api/v1/subscribers/", null, null).statusCode()).isEqualTo(404);
        HttpResponse<String> wrongMethod = call("PUT", "/api/v1/subscribers/" + IMPI, "application/json", "{}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, PATCH, DELETE");
        assertThat(call("GET", "/api/v1/subscribers/import", null, null).statusCode()).isEqualTo(405);
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + admin.server().port() + "/api/v1/subscribers/" + IMPI)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void openApiDocumentDescribesEveryRegisteredRoute() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + admin.server().port() + "/api/v1/openapi.json")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(response.body());
        assertThat(document.get("openapi").asText()).isEqualTo("3.1.0");
        List<String> documented = new ArrayList<>();
        for (Iterator<String> paths = document.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            document.get("paths").get(path).fieldNames()
                    .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path));
        }
        assertThat(admin.server().routes()).hasSizeGreaterThan(10);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(admin.server().routes());
    }
}
