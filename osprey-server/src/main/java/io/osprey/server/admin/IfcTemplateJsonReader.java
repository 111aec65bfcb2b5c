package io.osprey.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.IfcTemplate;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.RegistrationType;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads initial filter criteria (tInitialFilterCriteria of TS 29.228 Annex E / §B.2.2) from the admin API's JSON.
 * Unknown fields, wrong types, bad enum names and model limits are refused naming the JSON path of the field,
 * e.g. {@code initialFilterCriteria.triggerPoint.spts[1].sessionCase}.
 */
final class IfcTemplateJsonReader {

    static final Set<String> TEMPLATE_FIELDS = Set.of("name", "initialFilterCriteria");
    private static final Set<String> IFC_FIELDS = Set.of("priority", "profilePartIndicator", "triggerPoint",
            "applicationServer");
    private static final Set<String> TRIGGER_FIELDS = Set.of("conditionType", "spts");
    private static final Set<String> SPT_FIELDS = Set.of("conditionNegated", "group", "registrationTypes", "method",
            "requestUri", "header", "sessionCase", "sessionDescription");
    private static final List<String> CONDITIONS = List.of("method", "requestUri", "header", "sessionCase",
            "sessionDescription");
    private static final Set<String> HEADER_FIELDS = Set.of("name", "content");
    private static final Set<String> SDP_FIELDS = Set.of("line", "content");
    private static final Set<String> SERVER_FIELDS = Set.of("serverName", "defaultHandling", "serviceInfo",
            "includeRegisterRequest", "includeRegisterResponse");

    private IfcTemplateJsonReader() {
    }

    /** A template body; {@code pathName} (from the URL, or null) wins over a missing name and must match a given one. */
    static IfcTemplate template(JsonNode body, String pathName) throws AdminException {
        SubscriberJson.onlyFields(body, TEMPLATE_FIELDS, "");
        String name = name(body, pathName);
        InitialFilterCriteria ifc = filterCriteria(required(body, "initialFilterCriteria", ""),
                "initialFilterCriteria.");
        return build("", () -> new IfcTemplate(name, ifc));
    }

    /** The name of a template or profile body, checked against the name in the URL when there is one. */
    static String name(JsonNode body, String pathName) throws AdminException {
        String name = SubscriberJson.text(body, "name", "");
        if (name == null && pathName == null) {
            throw new AdminException(Problem.invalid("name", "is required"));
        }
        if (name != null && pathName != null && !name.equals(pathName)) {
            throw new AdminException(Problem.invalid("name", "must be " + pathName + " as in the URL, was " + name
                    + "; names cannot be changed"));
        }
        return name != null ? name : pathName;
    }

    /** One iFC object at JSON path {@code at} (ending in a dot, or empty). */
    static InitialFilterCriteria filterCriteria(JsonNode node, String at) throws AdminException {
        object(node, at);
        SubscriberJson.onlyFields(node, IFC_FIELDS, at);
        int priority = nonNegative(required(node, "priority", at), at + "priority");
        Optional<ProfilePartIndicator> part = Optional.ofNullable(
                enumValue(node, "profilePartIndicator", at, ProfilePartIndicator.class));
        JsonNode trigger = node.get("triggerPoint");
        Optional<TriggerPoint> triggerPoint = trigger == null || trigger.isNull() ? Optional.empty()
                : Optional.of(triggerPoint(trigger, at + "triggerPoint."));
        ApplicationServer server = applicationServer(required(node, "applicationServer", at),
                at + "applicationServer.");
        return build(at, () -> new InitialFilterCriteria(priority, triggerPoint, server, part));
    }

    private static TriggerPoint triggerPoint(JsonNode node, String at) throws AdminException {
        object(node, at);
        SubscriberJson.onlyFields(node, TRIGGER_FIELDS, at);
        String type = SubscriberJson.text(node, "conditionType", at);
        if (type == null || !type.equals("CNF") && !type.equals("DNF")) {
            throw new AdminException(Problem.invalid(at + "conditionType", type == null ? "is required (CNF or DNF)"
                    : "expected CNF or DNF, was \"" + type + "\""));
        }
        JsonNode list = required(node, "spts", at);
        if (!list.isArray() || list.isEmpty() || list.size() > TriggerPoint.MAX_TRIGGERS) {
            throw new AdminException(Problem.invalid(at + "spts", "expected a list of 1 to "
                    + TriggerPoint.MAX_TRIGGERS + " service point triggers"));
        }
        List<ServicePointTrigger> spts = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            spts.add(spt(list.get(i), at + "spts[" + i + "]."));
        }
        return build(at, () -> new TriggerPoint(type.equals("CNF"), spts));
    }

    private static ServicePointTrigger spt(JsonNode node, String at) throws AdminException {
        object(node, at);
        SubscriberJson.onlyFields(node, SPT_FIELDS, at);
        boolean negated = flag(node, "conditionNegated", at);
        List<Integer> groups = groups(required(node, "group", at), at + "group");
        List<RegistrationType> types = new ArrayList<>();
        JsonNode typeList = node.get("registrationTypes");
        if (typeList != null && !typeList.isNull()) {
            if (!typeList.isArray() || typeList.size() > RegistrationType.values().length) {
                throw new AdminException(Problem.invalid(at + "registrationTypes", "expected a list of at most "
                        + RegistrationType.values().length + " of " + Arrays.toString(RegistrationType.values())));
            }
            for (int i = 0; i < typeList.size(); i++) {
                types.add(enumText(typeList.get(i), at + "registrationTypes[" + i + "]", RegistrationType.class));
            }
        }
        SptCondition condition = condition(node, at);
        return build(at, () -> new ServicePointTrigger(negated, groups, condition, Set.copyOf(types)));
    }

    private static SptCondition condition(JsonNode node, String at) throws AdminException {
        String chosen = null;
        for (String name : CONDITIONS) {
            if (node.hasNonNull(name)) {
                if (chosen != null) {
                    throw new AdminException(Problem.invalid(at + name, "an SPT tests one condition; "
                            + chosen + " is given already"));
                }
                chosen = name;
            }
        }
        if (chosen == null) {
            throw new AdminException(Problem.invalid(at + "(condition)", "give exactly one of " + CONDITIONS));
        }
        return switch (chosen) {
            case "method" -> {
                String method = SubscriberJson.text(node, "method", at);
                yield build(at, () -> new SptCondition.Method(method));
            }
            case "requestUri" -> {
                String uri = SubscriberJson.text(node, "requestUri", at);
                yield build(at, () -> new SptCondition.RequestUri(uri));
            }
            case "sessionCase" -> new SptCondition.InSessionCase(
                    enumValue(node, "sessionCase", at, SessionCase.class));
            case "header" -> {
                String[] pair = pair(node.get("header"), at + "header.", HEADER_FIELDS, "name");
                yield build(at, () -> new SptCondition.SipHeader(pair[0], Optional.ofNullable(pair[1])));
            }
            default -> {
                String[] pair = pair(node.get("sessionDescription"), at + "sessionDescription.", SDP_FIELDS, "line");
                yield build(at, () -> new SptCondition.SessionDescription(pair[0], Optional.ofNullable(pair[1])));
            }
        };
    }

    /** A {@code {key, content}} object: the required key text and the optional content text. */
    private static String[] pair(JsonNode node, String at, Set<String> fields, String key) throws AdminException {
        object(node, at);
        SubscriberJson.onlyFields(node, fields, at);
        String value = SubscriberJson.text(node, key, at);
        if (value == null) {
            throw new AdminException(Problem.invalid(at + key, "is required"));
        }
        return new String[] {value, SubscriberJson.text(node, "content", at)};
    }

    private static ApplicationServer applicationServer(JsonNode node, String at) throws AdminException {
        object(node, at);
        SubscriberJson.onlyFields(node, SERVER_FIELDS, at);
        String serverName = SubscriberJson.text(node, "serverName", at);
        if (serverName == null) {
            throw new AdminException(Problem.invalid(at + "serverName", "is required"));
        }
        DefaultHandling handling = enumValue(node, "defaultHandling", at, DefaultHandling.class);
        Optional<String> serviceInfo = Optional.ofNullable(SubscriberJson.text(node, "serviceInfo", at));
        boolean request = flag(node, "includeRegisterRequest", at);
        boolean response = flag(node, "includeRegisterResponse", at);
        // DefaultHandling is optional in tApplicationServer; the S-CSCF then continues the session.
        return build(at, () -> new ApplicationServer(serverName,
                handling == null ? DefaultHandling.SESSION_CONTINUED : handling, serviceInfo, request, response));
    }

    /** A group id or a list of them (Group+ of tSePoTri). */
    private static List<Integer> groups(JsonNode node, String field) throws AdminException {
        if (!node.isArray()) {
            return List.of(nonNegative(node, field));
        }
        if (node.isEmpty() || node.size() > ServicePointTrigger.MAX_GROUPS) {
            throw new AdminException(Problem.invalid(field, "expected 1 to " + ServicePointTrigger.MAX_GROUPS
                    + " group ids"));
        }
        List<Integer> groups = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            groups.add(nonNegative(node.get(i), field + "[" + i + "]"));
        }
        return groups;
    }

    static int nonNegative(JsonNode node, String field) throws AdminException {
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0) {
            throw new AdminException(Problem.invalid(field, "expected a whole number from 0 to "
                    + Integer.MAX_VALUE + ", was " + node));
        }
        return node.intValue();
    }

    static JsonNode required(JsonNode body, String field, String at) throws AdminException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new AdminException(Problem.invalid(at + field, "is required"));
        }
        return node;
    }

    private static void object(JsonNode node, String at) throws AdminException {
        if (!node.isObject()) {
            String field = at.isEmpty() ? "(body)" : at.substring(0, at.length() - 1);
            throw new AdminException(Problem.invalid(field, "expected an object"));
        }
    }

    private static boolean flag(JsonNode body, String field, String at) throws AdminException {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return false;
        }
        if (!node.isBoolean()) {
            throw new AdminException(Problem.invalid(at + field, "expected true or false"));
        }
        return node.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode body, String field, String at, Class<E> type)
            throws AdminException {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : enumText(node, at + field, type);
    }

    private static <E extends Enum<E>> E enumText(JsonNode node, String field, Class<E> type) throws AdminException {
        E[] values = type.getEnumConstants();
        if (node.isTextual()) {
            for (E value : values) {
                if (value.name().equals(node.textValue())) {
                    return value;
                }
            }
        }
        throw new AdminException(Problem.invalid(field, "expected one of " + Arrays.toString(values) + ", was "
                + node));
    }

    /** Runs a model constructor; its refusal names the JSON field under {@code at}. */
    static <T> T build(String at, Supplier<T> constructor) throws AdminException {
        try {
            return constructor.get();
        } catch (InvalidValueException e) {
            throw new AdminException(Problem.invalid(at + jsonField(e.field()), e.reason()));
        }
    }

    /** The JSON name of a model field, relative to the object being built. */
    private static String jsonField(String modelField) {
        return switch (modelField) {
            case "spt.sipHeader.header" -> "header.name";
            case "spt.sipHeader.content" -> "header.content";
            case "spt.sessionDescription.line" -> "sessionDescription.line";
            case "spt.sessionDescription.content" -> "sessionDescription.content";
            case "triggerPoint.spt" -> "spts";
            case "initialFilterCriteria.priority" -> "initialFilterCriteria";
            default -> modelField.substring(modelField.lastIndexOf('.') + 1);
        };
    }
}
