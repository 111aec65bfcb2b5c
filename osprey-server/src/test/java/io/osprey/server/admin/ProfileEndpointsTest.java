package io.osprey.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileEndpointsTest {

    static final String BASE = "/api/v1/service-profiles";
    static final String GOLD = """
            {"name": "gold", "ifcTemplates": ["mmtel-term", "mmtel-orig"], "subscribedMediaProfileId": 7,
             "sharedIfcSetIds": [3, 1],
             "initialFilterCriteria": [{"priority": 50, "applicationServer": {"serverName": "sip:pres@as.example.org"},
               "triggerPoint": {"conditionType": "CNF", "spts": [{"group": 0, "method": "SUBSCRIBE"}]}}]}""";

    @TempDir
    Path dir;
    private ProfileApiTestClient api;

    @BeforeEach
    void start() throws Exception {
        api = new ProfileApiTestClient(dir);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void createShowListReplaceAndDelete() throws Exception {
        assertThat(api.send("GET", BASE, null, 200).get("items")).isEmpty();
        JsonNode created = api.send("POST", BASE, GOLD, 201);
        JsonNode shown = api.send("GET", BASE + "/gold", null, 200);
        assertThat(shown).isEqualTo(created);
        assertThat(shown.get("ifcTemplates").toString()).as("template order kept")
                .isEqualTo("[\"mmtel-term\",\"mmtel-orig\"]");
        assertThat(shown.get("subscribedMediaProfileId").asInt()).isEqualTo(7);
        assertThat(shown.get("sharedIfcSetIds").toString()).isEqualTo("[3,1]");
        JsonNode own = shown.get("initialFilterCriteria");
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("priority").asInt()).isEqualTo(50);
        assertThat(own.get(0).get("triggerPoint").get("spts").get(0).get("method").asText()).isEqualTo("SUBSCRIBE");

        api.send("POST", BASE, "{\"name\": \"basic\"}", 201);
        JsonNode items = api.send("GET", BASE, null, 200).get("items");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("name").asText()).isEqualTo("basic");
        assertThat(items.get(1)).isEqualTo(created);

        JsonNode replaced = api.send("PUT", BASE + "/gold", "{\"ifcTemplates\": [\"mmtel-orig\"]}", 200);
        assertThat(replaced.get("name").asText()).isEqualTo("gold");
        JsonNode again = api.send("GET", BASE + "/gold", null, 200);
        assertThat(again.get("ifcTemplates").toString()).isEqualTo("[\"mmtel-orig\"]");
        assertThat(again.get("initialFilterCriteria")).isEmpty();
        assertThat(again.has("subscribedMediaProfileId")).isFalse();

        api.send("DELETE", BASE + "/gold", null, 204);
        api.assertProblem(api.call("GET", BASE + "/gold", null, null), 404, "not-found", "name");
        api.assertProblem(api.call("DELETE", BASE + "/gold", null, null), 404, "not-found", "name");
    }

    @Test
    void unknownTemplatesDuplicatesAndClashesAreRefused() throws Exception {
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"ifcTemplates\": [\"mmtel-orig\", \"nope\"]}",
                404, "not-found", "ifcTemplates[1]");
        api.assertProblem("POST", BASE, """
                {"name": "p", "ifcTemplates": ["mmtel-orig"], "initialFilterCriteria": [
                  {"priority": 10, "applicationServer": {"serverName": "sip:x@as.example.org"}}]}""",
                409, "conflict", "ifcTemplates");
        api.assertProblem(api.call("GET", BASE + "/p", null, null), 404, "not-found", "name");

        api.send("POST", BASE, "{\"name\": \"p\"}", 201);
        api.assertProblem("POST", BASE, "{\"name\": \"p\"}", 409, "conflict", "name");
        api.assertProblem("PUT", BASE + "/q", "{}", 404, "not-found", "name");
        api.assertProblem("PUT", BASE + "/p", "{\"name\": \"q\"}", 400, "invalid-field", "name");
    }

    @Test
    void badBodiesNameTheField() throws Exception {
        api.assertProblem("POST", BASE, "{}", 400, "invalid-field", "name");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"templates\": []}", 400, "invalid-field", "templates");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"ifcTemplates\": [\"a\", 1]}", 400, "invalid-field",
                "ifcTemplates[1]");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"ifcTemplates\": [\"mmtel-orig\", \"mmtel-orig\"]}",
                400, "invalid-field", "ifcTemplates");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"subscribedMediaProfileId\": \"7\"}", 400,
                "invalid-field", "subscribedMediaProfileId");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"sharedIfcSetIds\": [1, -2]}", 400, "invalid-field",
                "sharedIfcSetIds[1]");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"initialFilterCriteria\": [{\"priority\": 1, "
                + "\"applicationServer\": {\"serverName\": \"sip:a@b\", \"defaultHandling\": \"ABORT\"}}]}", 400,
                "invalid-field", "initialFilterCriteria[0].applicationServer.defaultHandling");
        api.assertProblem("POST", BASE, "{\"name\": \"p\", \"initialFilterCriteria\": ["
                + "{\"priority\": 1, \"applicationServer\": {\"serverName\": \"sip:a@b\"}},"
                + "{\"priority\": 1, \"applicationServer\": {\"serverName\": \"sip:c@d\"}}]}", 400,
                "invalid-field", "initialFilterCriteria");
        assertThat(api.send("GET", BASE, null, 200).get("items")).as("nothing saved from bad bodies").isEmpty();
    }

    @Test
    void aProfileInUseByAPublicIdentityCannotBeDeleted() throws Exception {
        api.send("POST", BASE, "{\"name\": \"gold\", \"ifcTemplates\": [\"mmtel-orig\"]}", 201);
        api.send("POST", "/api/v1/subscribers", "{\"impi\": \"bob@ims.example.org\", \"impu\": "
                + "\"sip:bob@ims.example.org\", \"password\": \"pw-0123456789\", \"profile\": \"gold\"}", 201);
        api.assertProblem(api.call("DELETE", BASE + "/gold", null, null), 409, "conflict", "name");
        api.assertProblem(api.call("DELETE", IfcTemplateEndpointsTest.BASE + "/mmtel-orig", null, null),
                409, "conflict", "name");
        assertThat(api.send("GET", BASE + "/gold", null, 200).get("name").asText()).isEqualTo("gold");
    }
}
