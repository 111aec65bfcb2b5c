package io.osprey.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** An admin API request: method, path and the raw body, with JSON reading that fails as problem JSON. */
public record AdminRequest(String method, String path, byte[] body, ObjectMapper json) {

    /** The body as a JSON object; a missing, broken or non-object body is a 400 problem. */
    public JsonNode jsonObject() throws AdminException {
        if (body.length == 0) {
            throw new AdminException(Problem.invalid("(body)", "a JSON object is required"));
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || !node.isObject()) {
                throw new AdminException(Problem.invalid("(body)", "expected a JSON object"));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AdminException(Problem.invalid("(body)", "not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw new AdminException(Problem.invalid("(body)", "unreadable: " + e.getMessage()));
        }
    }
}
