package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** {@link SubscriberClient} over HTTP to a running core's admin API, with its bearer token. */
final class SubscriberHttpClient implements SubscriberClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String token;
    private final ObjectMapper json;
    private final HttpClient http;

    /** {@code baseUrl} such as {@code http://127.0.0.1:8080}. */
    SubscriberHttpClient(String baseUrl, String token, ObjectMapper json) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    @Override
    public JsonNode send(Operation operation, String id, String item, String query, String contentType, byte[] body)
            throws SubscriberClientException {
        String path = "/api/v1/subscribers" + operation.path + encode(id)
                + (id == null || operation.collection == null ? "" : operation.collection + encode(item))
                + (query == null ? "" : "?" + query);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .method(operation.method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (ConnectException e) {
            throw new SubscriberClientException(0, null, "cannot reach the admin API at " + baseUrl
                    + " (is osprey running? or use --db <store url>)");
        } catch (IOException e) {
            throw new SubscriberClientException(0, null, "admin API at " + baseUrl + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubscriberClientException(0, null, "interrupted");
        }
        JsonNode reply = parse(response.body());
        if (response.statusCode() >= 300) {
            if (reply != null && reply.has("detail")) {
                JsonNode field = reply.get("field");
                throw new SubscriberClientException(response.statusCode(), field == null ? null : field.asText(),
                        reply.get("detail").asText());
            }
            throw new SubscriberClientException(response.statusCode(), null,
                    "admin API answered HTTP " + response.statusCode());
        }
        return reply;
    }

    /** One path segment, percent-encoded (so an IMPU's ':', '@' and '+' survive); empty for null. */
    private static String encode(String segment) {
        return segment == null ? "" : URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
