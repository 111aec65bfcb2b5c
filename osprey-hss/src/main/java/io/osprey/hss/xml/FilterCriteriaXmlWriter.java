package io.osprey.hss.xml;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.RegistrationType;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;

/**
 * Writes tInitialFilterCriteria and its parts (TS 29.228 Annex E) in schema order: Priority, TriggerPoint
 * (ConditionTypeCNF, SPT…), ApplicationServer, ProfilePartIndicator.
 */
final class FilterCriteriaXmlWriter {

    private FilterCriteriaXmlWriter() {
    }

    static void write(XmlOutput out, InitialFilterCriteria ifc) {
        out.open("InitialFilterCriteria").element("Priority", ifc.priority());
        ifc.triggerPoint().ifPresent(trigger -> writeTrigger(out, trigger));
        writeServer(out, ifc.applicationServer());
        ifc.profilePartIndicator().ifPresent(part -> out.element("ProfilePartIndicator", part.code()));
        out.close("InitialFilterCriteria");
    }

    private static void writeTrigger(XmlOutput out, TriggerPoint trigger) {
        out.open("TriggerPoint").element("ConditionTypeCNF", trigger.conjunctive());
        for (ServicePointTrigger spt : trigger.triggers()) {
            writeSpt(out, spt);
        }
        out.close("TriggerPoint");
    }

    private static void writeSpt(XmlOutput out, ServicePointTrigger spt) {
        out.open("SPT").element("ConditionNegated", spt.negated());
        for (int group : spt.groups()) {
            out.element("Group", group);
        }
        switch (spt.condition()) {
            case SptCondition.RequestUri uri -> out.element("RequestURI", uri.pattern());
            case SptCondition.Method method -> out.element("Method", method.name());
            case SptCondition.SipHeader header -> {
                out.open("SIPHeader").element("Header", header.header());
                header.content().ifPresent(content -> out.element("Content", content));
                out.close("SIPHeader");
            }
            case SptCondition.InSessionCase sessionCase ->
                    out.element("SessionCase", sessionCase.sessionCase().code());
            case SptCondition.SessionDescription sdp -> {
                out.open("SessionDescription").element("Line", sdp.line());
                sdp.content().ifPresent(content -> out.element("Content", content));
                out.close("SessionDescription");
            }
        }
        if (!spt.registrationTypes().isEmpty()) {
            out.open("Extension");
            for (RegistrationType type : spt.registrationTypes()) {
                out.element("RegistrationType", type.code());
            }
            out.close("Extension");
        }
        out.close("SPT");
    }

    private static void writeServer(XmlOutput out, ApplicationServer server) {
        out.open("ApplicationServer")
                .element("ServerName", server.serverName())
                .element("DefaultHandling", server.defaultHandling().code());
        server.serviceInfo().ifPresent(info -> out.element("ServiceInfo", info));
        if (server.includeRegisterRequest() || server.includeRegisterResponse()) {
            out.open("Extension");
            if (server.includeRegisterRequest()) {
                out.empty("IncludeRegisterRequest");
            }
            if (server.includeRegisterResponse()) {
                out.empty("IncludeRegisterResponse");
            }
            out.close("Extension");
        }
        out.close("ApplicationServer");
    }
}
