package io.osprey.server.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.RegistrationType;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IfcTemplateEndpointsTest {

    static final String BASE = "/api/v1/ifc-templates";
    static final String VOICEMAIL = """
            {"name": "voicemail", "initialFilterCriteria": {
              "priority": 30, "profilePartIndicator": "UNREGISTERED",
              "triggerPoint": {"conditionType": "DNF", "spts": [
                {"group": 0, "method": "invite"},
                {"group": [0, 1], "conditionNegated": true, "header": {"name": "Accept-Contact", "content": "vm"}},
                {"group": 2, "sessionDescription": {"line": "m", "content": "audio"}},
                {"group": 3, "requestUri": "sip:vm@.*"},
                {"group": 4, "method": "REGISTER", "registrationTypes": ["INITIAL_REGISTRATION"]},
                {"group": 5, "sessionCase": "TERMINATING_UNREGISTERED"}]},
              "applicationServer": {"serverName": "sip:vm@as.example.org", "defaultHandling": "SESSION_TERMINATED",
                "serviceInfo": "box=1", "includeRegisterRequest": true}}}""";

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
    void defaultMmtelTemplatesAreListedAfterStart() throws Exception {
        JsonNode items = api.send("GET", BASE, null, 200).get("items");
        List<String> names = new ArrayList<>();
        items.forEach(item -> names.add(item.get("name").asText()));
        assertThat(names).containsExactly("mmtel-orig", "mmtel-term");

        JsonNode orig = api.send("GET", BASE + "/mmtel-orig", null, 200).get("initialFilterCriteria");
        assertThat(orig.get("priority").asInt()).isEqualTo(10);
        assertThat(orig.get("applicationServer").get("serverName").asText())
                .isEqualTo("sip:mmtel@as.ims.mnc001.mcc001.3gppnetwork.org");
        assertThat(orig.get("triggerPoint").get("conditionType").asText()).isEqualTo("CNF");
        JsonNode spts = orig.get("triggerPoint").get("spts");
        assertThat(spts.get(0).get("method").asText()).isEqualTo("INVITE");
        assertThat(spts.get(1).get("sessionCase").asText()).isEqualTo("ORIGINATING");
    }

    @Test
    void createShowReplaceAndDeleteRoundTripEveryField() throws Exception {
        JsonNode created = api.send("POST", BASE, VOICEMAIL, 201);
        JsonNode shown = api.send("GET", BASE + "/voicemail", null, 200);
        assertThat(shown).isEqualTo(created);
        InitialFilterCriteria stored = api.profiles().ifcTemplate("voicemail").orElseThrow().filterCriteria();
        assertThat(stored.profilePartIndicator()).contains(ProfilePartIndicator.UNREGISTERED);
        TriggerPoint trigger = stored.triggerPoint().orElseThrow();
        assertThat(trigger.conjunctive()).as("DNF").isFalse();
        assertThat(trigger.triggers().get(0).condition()).isEqualTo(new SptCondition.Method("INVITE"));
        assertThat(trigger.triggers().get(1).negated()).isTrue();
        assertThat(trigger.triggers().get(1).groups()).containsExactly(0, 1);
        assertThat(trigger.triggers().get(1).condition())
                .isEqualTo(new SptCondition.SipHeader("Accept-Contact", Optional.of("vm")));
        assertThat(trigger.triggers().get(2).condition())
                .isEqualTo(new SptCondition.SessionDescription("m", Optional.of("audio")));
        assertThat(trigger.triggers().get(4).registrationTypes()).containsExactly(RegistrationType.INITIAL_REGISTRATION);
        assertThat(trigger.triggers().get(5).condition())
                .isEqualTo(new SptCondition.InSessionCase(SessionCase.TERMINATING_UNREGISTERED));
        assertThat(stored.applicationServer()).isEqualTo(new ApplicationServer("sip:vm@as.example.org",
                DefaultHandling.SESSION_TERMINATED, Optional.of("box=1"), true, false));
        JsonNode ifc = shown.get("initialFilterCriteria");
        assertThat(ifc.get("profilePartIndicator").asText()).isEqualTo("UNREGISTERED");
        JsonNode spts = ifc.get("triggerPoint").get("spts");
        assertThat(spts).hasSize(6);
        assertThat(spts.get(0).get("method").asText()).as("methods are upper case").isEqualTo("INVITE");
        assertThat(spts.get(0).get("group").toString()).isEqualTo("[0]");
        assertThat(spts.get(1).get("group").toString()).isEqualTo("[0,1]");
        assertThat(spts.get(1).get("conditionNegated").asBoolean()).isTrue();
        assertThat(spts.get(1).get("header").toString()).isEqualTo("{\"name\":\"Accept-Contact\",\"content\":\"vm\"}");
        assertThat(spts.get(2).get("sessionDescription").get("line").asText()).isEqualTo("m");
        assertThat(spts.get(3).get("requestUri").asText()).isEqualTo("sip:vm@.*");
        assertThat(spts.get(4).get("registrationTypes").toString()).isEqualTo("[\"INITIAL_REGISTRATION\"]");
        assertThat(spts.get(5).get("sessionCase").asText()).isEqualTo("TERMINATING_UNREGISTERED");
        JsonNode server = ifc.get("applicationServer");
        assertThat(server.get("defaultHandling").asText()).isEqualTo("SESSION_TERMINATED");
        assertThat(server.get("serviceInfo").asText()).isEqualTo("box=1");
        assertThat(server.get("includeRegisterRequest").asBoolean()).isTrue();
        assertThat(server.get("includeRegisterResponse").asBoolean()).isFalse();

        JsonNode replaced = api.send("PUT", BASE + "/voicemail", """
                {"initialFilterCriteria": {"priority": 31,
                  "applicationServer": {"serverName": "sips:vm2@as.example.org"}}}""", 200);
        assertThat(replaced.get("name").asText()).isEqualTo("voicemail");
        JsonNode again = api.send("GET", BASE + "/voicemail", null, 200).get("initialFilterCriteria");
        assertThat(again.get("priority").asInt()).isEqualTo(31);
        assertThat(again.has("triggerPoint")).as("no trigger point: always matches").isFalse();
        assertThat(again.get("applicationServer").get("defaultHandling").asText()).isEqualTo("SESSION_CONTINUED");

        api.send("DELETE", BASE + "/voicemail", null, 204);
        api.assertProblem(api.call("GET", BASE + "/voicemail", null, null), 404, "not-found", "name");
        api.assertProblem(api.call("DELETE", BASE + "/voicemail", null, null), 404, "not-found", "name");
    }

    @Test
    void acceptsTheTs29228XmlElement() throws Exception {
        String xml = "<InitialFilterCriteria><Priority>40</Priority><TriggerPoint><ConditionTypeCNF>0"
                + "</ConditionTypeCNF><SPT><ConditionNegated>0</ConditionNegated><Group>0</Group><Method>MESSAGE"
                + "</Method></SPT></TriggerPoint><ApplicationServer><ServerName>sip:sms@as.example.org</ServerName>"
                + "<DefaultHandling>1</DefaultHandling></ApplicationServer></InitialFilterCriteria>";
        var created = api.call("POST", BASE + "?name=sms", "application/xml", xml);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode ifc = api.send("GET", BASE + "/sms", null, 200).get("initialFilterCriteria");
        assertThat(ifc.get("priority").asInt()).isEqualTo(40);
        assertThat(ifc.get("triggerPoint").get("conditionType").asText()).isEqualTo("DNF");
        assertThat(ifc.get("triggerPoint").get("spts").get(0).get("method").asText()).isEqualTo("MESSAGE");
        assertThat(ifc.get("applicationServer").get("defaultHandling").asText()).isEqualTo("SESSION_TERMINATED");

        var replaced = api.call("PUT", BASE + "/sms", "application/xml; charset=utf-8",
                xml.replace("<Priority>40", "<Priority>41"));
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(api.read(replaced.body()).get("initialFilterCriteria").get("priority").asInt()).isEqualTo(41);

        api.assertProblem(api.call("POST", BASE, "application/xml", xml), 400, "invalid-field", "name");
        var broken = api.call("PUT", BASE + "/sms", "application/xml", "<InitialFilterCriteria><Priority>x");
        assertThat(broken.statusCode()).isEqualTo(400);
    }

    @Test
    void badBodiesNameTheField() throws Exception {
        api.assertProblem("POST", BASE, "{\"initialFilterCriteria\": {}}", 400, "invalid-field", "name");
        api.assertProblem("POST", BASE, "{\"name\": \"x\"}", 400, "invalid-field", "initialFilterCriteria");
        api.assertProblem("POST", BASE, "{\"name\": \"x\", \"initialFilterCriteria\": {\"applicationServer\": "
                + "{\"serverName\": \"sip:a@b\"}}}", 400, "invalid-field", "initialFilterCriteria.priority");
        api.assertProblem("POST", BASE, "{\"name\": \"x\", \"initialFilterCriteria\": {\"priority\": -1}}",
                400, "invalid-field", "initialFilterCriteria.priority");
        api.assertProblem("POST", BASE, "{\"name\": \"x\", \"initialFilterCriteria\": {\"priority\": 1}}",
                400, "invalid-field", "initialFilterCriteria.applicationServer");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\", \"defaultHandling\": \"CONTINUE\"}", null),
                400, "invalid-field", "initialFilterCriteria.applicationServer.defaultHandling");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"http://as\"}", null),
                400, "invalid-field", "initialFilterCriteria.applicationServer.serverName");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\", \"port\": 1}", null),
                400, "invalid-field", "initialFilterCriteria.applicationServer.port");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"XNF\", "
                + "\"spts\": [{\"group\": 0, \"method\": \"INVITE\"}]}"), 400, "invalid-field",
                "initialFilterCriteria.triggerPoint.conditionType");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"CNF\", "
                + "\"spts\": []}"), 400, "invalid-field", "initialFilterCriteria.triggerPoint.spts");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"CNF\", "
                + "\"spts\": [{\"group\": 0, \"method\": \"INVITE\"}, {\"group\": 1, \"sessionCase\": \"INBOUND\"}]}"),
                400, "invalid-field", "initialFilterCriteria.triggerPoint.spts[1].sessionCase");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"CNF\", "
                + "\"spts\": [{\"method\": \"INVITE\"}]}"), 400, "invalid-field",
                "initialFilterCriteria.triggerPoint.spts[0].group");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"CNF\", "
                + "\"spts\": [{\"group\": 0, \"method\": \"INVITE\", \"requestUri\": \"x\"}]}"), 400,
                "invalid-field", "initialFilterCriteria.triggerPoint.spts[0].requestUri");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"CNF\", "
                + "\"spts\": [{\"group\": 0, \"header\": {\"content\": \"x\"}}]}"), 400,
                "invalid-field", "initialFilterCriteria.triggerPoint.spts[0].header.name");
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", "{\"conditionType\": \"CNF\", "
                + "\"spts\": [{\"group\": 0, \"header\": {\"name\": \"Bad Header\"}}]}"), 400,
                "invalid-field", "initialFilterCriteria.triggerPoint.spts[0].header.name");
        api.assertProblem("POST", BASE, "{\"name\": \"bad name\", \"initialFilterCriteria\": {\"priority\": 1, "
                + "\"applicationServer\": {\"serverName\": \"sip:a@b\"}}}", 400, "invalid-field", "name");
        api.assertProblem("POST", BASE, "{not json", 400, "invalid-field", "(body)");
        assertThat(api.send("GET", BASE, null, 200).get("items")).as("nothing saved from bad bodies").hasSize(2);
    }

    @Test
    void duplicatesUnknownsAndRenamesAreRefused() throws Exception {
        api.assertProblem("POST", BASE, ifc("{\"serverName\": \"sip:a@b\"}", null).replace("\"x\"", "\"mmtel-orig\""),
                409, "conflict", "name");
        api.assertProblem("PUT", BASE + "/nothing", ifc("{\"serverName\": \"sip:a@b\"}", null).replace("\"x\"",
                "\"nothing\""), 404, "not-found", "name");
        api.assertProblem("PUT", BASE + "/mmtel-orig", ifc("{\"serverName\": \"sip:a@b\"}", null), 400,
                "invalid-field", "name");
    }

    @Test
    void priorityClashAndInUseTemplatesAreConflicts() throws Exception {
        api.send("POST", "/api/v1/service-profiles", "{\"name\": \"mmtel\", \"ifcTemplates\": [\"mmtel-orig\", "
                + "\"mmtel-term\"]}", 201);
        api.assertProblem("PUT", BASE + "/mmtel-orig", """
                {"initialFilterCriteria": {"priority": 20, "applicationServer": {"serverName": "sip:a@b"}}}""",
                409, "conflict", "initialFilterCriteria.priority");
        assertThat(api.send("GET", BASE + "/mmtel-orig", null, 200).get("initialFilterCriteria").get("priority")
                .asInt()).as("refused change not applied").isEqualTo(10);
        api.assertProblem(api.call("DELETE", BASE + "/mmtel-term", null, null), 409, "conflict", "name");

        api.send("DELETE", "/api/v1/service-profiles/mmtel", null, 204);
        api.send("DELETE", BASE + "/mmtel-term", null, 204);
    }

    /** A template body named x with the given application server and trigger point (null for none). */
    private static String ifc(String server, String trigger) {
        return "{\"name\": \"x\", \"initialFilterCriteria\": {\"priority\": 5, \"applicationServer\": " + server
                + (trigger == null ? "" : ", \"triggerPoint\": " + trigger) + "}}";
    }
}
