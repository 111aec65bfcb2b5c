package io.osprey.server.admin;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes iFC templates and initial filter criteria (TS 29.228 Annex E) as the admin API's JSON, the same shape
 * {@link IfcTemplateJsonReader} reads: absent optional parts are left out, flags are always present.
 */
final class IfcTemplateJsonWriter {

    private IfcTemplateJsonWriter() {
    }

    static Map<String, Object> template(IfcTemplate template) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", template.name());
        out.put("initialFilterCriteria", filterCriteria(template.filterCriteria()));
        return out;
    }

    static Map<String, Object> templates(List<IfcTemplate> templates) {
        return Map.of("items", templates.stream().map(IfcTemplateJsonWriter::template).toList());
    }

    static Map<String, Object> filterCriteria(InitialFilterCriteria ifc) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("priority", ifc.priority());
        ifc.profilePartIndicator().ifPresent(part -> out.put("profilePartIndicator", part.name()));
        ifc.triggerPoint().ifPresent(trigger -> out.put("triggerPoint", triggerPoint(trigger)));
        out.put("applicationServer", applicationServer(ifc.applicationServer()));
        return out;
    }

    private static Map<String, Object> triggerPoint(TriggerPoint trigger) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conditionType", trigger.conjunctive() ? "CNF" : "DNF");
        List<Object> spts = new ArrayList<>(trigger.triggers().size());
        for (ServicePointTrigger spt : trigger.triggers()) {
            spts.add(spt(spt));
        }
        out.put("spts", spts);
        return out;
    }

    private static Map<String, Object> spt(ServicePointTrigger spt) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("conditionNegated", spt.negated());
        out.put("group", spt.groups());
        switch (spt.condition()) {
            case SptCondition.Method method -> out.put("method", method.name());
            case SptCondition.RequestUri uri -> out.put("requestUri", uri.pattern());
            case SptCondition.InSessionCase sessionCase -> out.put("sessionCase", sessionCase.sessionCase().name());
            case SptCondition.SipHeader header -> out.put("header", pair("name", header.header(), header.content()));
            case SptCondition.SessionDescription sdp -> out.put("sessionDescription",
                    pair("line", sdp.line(), sdp.content()));
        }
        if (!spt.registrationTypes().isEmpty()) {
            out.put("registrationTypes", spt.registrationTypes().stream().map(Enum::name).toList());
        }
        return out;
    }

    private static Map<String, Object> pair(String key, String value, Optional<String> content) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put(key, value);
        content.ifPresent(text -> out.put("content", text));
        return out;
    }

    private static Map<String, Object> applicationServer(ApplicationServer server) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("serverName", server.serverName());
        out.put("defaultHandling", server.defaultHandling().name());
        server.serviceInfo().ifPresent(info -> out.put("serviceInfo", info));
        out.put("includeRegisterRequest", server.includeRegisterRequest());
        out.put("includeRegisterResponse", server.includeRegisterResponse());
        return out;
    }
}
