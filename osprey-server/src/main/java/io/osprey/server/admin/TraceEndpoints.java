package io.osprey.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.sip.transport.SipTrace;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code /api/v1/trace}: switch SIP message tracing on and off at run time for every SIP function in the process.
 *
 * <pre>
 *   GET    → {"all": false, "users": ["alice"], "callIds": []}
 *   PUT    {"all": bool, "users": [...], "callIds": [...]}   replaces the trace settings (fields optional)
 *   DELETE → stops all tracing
 * </pre>
 */
public final class TraceEndpoints {

    private static final Set<String> FIELDS = Set.of("all", "users", "callIds");

    private final List<SipTrace> traces;

    public TraceEndpoints(List<SipTrace> traces) {
        this.traces = List.copyOf(traces);
    }

    public void register(AdminServer server) {
        server.route("GET", "/api/v1/trace", request -> AdminResponse.ok(state()));
        server.route("PUT", "/api/v1/trace", this::replace);
        server.route("DELETE", "/api/v1/trace", request -> {
            traces.forEach(SipTrace::clear);
            return AdminResponse.noContent();
        });
    }

    private Map<String, Object> state() {
        Set<String> users = new TreeSet<>();
        Set<String> callIds = new TreeSet<>();
        boolean all = false;
        for (SipTrace trace : traces) {
            users.addAll(trace.users());
            callIds.addAll(trace.callIds());
            all |= trace.tracingAll();
        }
        return Map.of("all", all, "users", users, "callIds", callIds);
    }

    private AdminResponse replace(AdminRequest request) throws AdminException {
        JsonNode body = request.jsonObject();
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw new AdminException(Problem.invalid(name, "unknown field; expected all, users or callIds"));
            }
        }
        JsonNode all = body.get("all");
        if (all != null && !all.isBoolean()) {
            throw new AdminException(Problem.invalid("all", "expected true or false"));
        }
        List<String> users = strings(body, "users");
        List<String> callIds = strings(body, "callIds");
        for (SipTrace trace : traces) {
            trace.clear();
            trace.traceAll(all != null && all.booleanValue());
            users.forEach(trace::traceUser);
            callIds.forEach(trace::traceCallId);
        }
        return AdminResponse.ok(state());
    }

    private static List<String> strings(JsonNode body, String field) throws AdminException {
        JsonNode node = body.get(field);
        List<String> values = new ArrayList<>();
        if (node == null) {
            return values;
        }
        if (!node.isArray()) {
            throw new AdminException(Problem.invalid(field, "expected a list of strings"));
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode value = node.get(i);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new AdminException(Problem.invalid(field + "[" + i + "]", "expected a non-empty string"));
            }
            values.add(value.asText());
        }
        return values;
    }
}
