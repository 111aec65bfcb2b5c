package io.osprey.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An admin API request: method, path, the template parameter (null on exact routes), the raw query, the
 * Content-Type and the raw body, with JSON reading that fails as problem JSON.
 */
public record AdminRequest(String method, String path, String pathParameter, String query, String contentType,
                           byte[] body, ObjectMapper json) {

    /** A request on an exact route with no query and no content type. */
    public AdminRequest(String method, String path, byte[] body, ObjectMapper json) {
        this(method, path, null, null, null, body, json);
    }

    /** The decoded value of query parameter {@code name}, if present. */
    public Optional<String> queryParameter(String name) {
        if (query == null || query.isEmpty()) {
            return Optional.empty();
        }
        int start = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            end = end < 0 ? query.length() : end;
            int equals = query.indexOf('=', start);
            String key = equals < 0 || equals > end ? query.substring(start, end) : query.substring(start, equals);
            if (URLDecoder.decode(key, StandardCharsets.UTF_8).equals(name)) {
                return Optional.of(equals < 0 || equals > end ? ""
                        : URLDecoder.decode(query.substring(equals + 1, end), StandardCharsets.UTF_8));
            }
            start = end + 1;
        }
        return Optional.empty();
    }

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
