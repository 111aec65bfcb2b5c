package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How {@code osprey subscriber} reaches the provisioning API: over HTTP to a running core's admin API
 * ({@link SubscriberHttpClient}) or straight to a store ({@link SubscriberStoreClient}). Both speak the JSON of
 * {@code /api/v1/subscribers} and report refusals as {@link SubscriberClientException}s carrying the problem.
 */
interface SubscriberClient extends AutoCloseable {

    /** The provisioning operations, one per endpoint. */
    enum Operation {
        LIST("GET", "", null),
        CREATE("POST", "", null),
        SHOW("GET", "/", null),
        UPDATE("PATCH", "/", null),
        DELETE("DELETE", "/", null),
        IMPORT("POST", "/import", null),
        ADD_PUBLIC_IDENTITY("POST", "/", "/public-identities"),
        REMOVE_PUBLIC_IDENTITY("DELETE", "/", "/public-identities/"),
        ADD_PRIVATE_IDENTITY("POST", "/", "/private-identities"),
        REMOVE_PRIVATE_IDENTITY("DELETE", "/", "/private-identities/");

        final String method;
        /** The path after {@code /api/v1/subscribers} up to the id. */
        final String path;
        /** The path after the id up to the item, or null for operations on the subscriber itself. */
        final String collection;

        Operation(String method, String path, String collection) {
            this.method = method;
            this.path = path;
            this.collection = collection;
        }

        /** The path from the id on, as the admin server hands it to an endpoint: {@code <id>[collection][item]}. */
        String pathParameter(String id, String item) {
            if (id == null) {
                return null;
            }
            return id + (collection == null ? "" : collection) + (item == null ? "" : item);
        }
    }

    /**
     * Runs one operation; {@code id} is the IMPI (or IMPU) of SHOW, UPDATE and DELETE, {@code query} the raw query
     * of LIST. Returns the response body, or null when there is none.
     */
    default JsonNode send(Operation operation, String id, String query, String contentType, byte[] body)
            throws SubscriberClientException {
        return send(operation, id, null, query, contentType, body);
    }

    /**
     * Runs one operation; {@code id} names the subscriber (an IMPI or IMPU) and {@code item} the identity that the
     * REMOVE operations remove (null for the others).
     */
    JsonNode send(Operation operation, String id, String item, String query, String contentType, byte[] body)
            throws SubscriberClientException;

    @Override
    void close();

    /** A refusal: the problem's status, field (null when none) and detail. */
    final class SubscriberClientException extends Exception {

        private static final long serialVersionUID = 1L;

        private final int status;
        private final String field;

        SubscriberClientException(int status, String field, String detail) {
            super(detail, null, false, false);
            this.status = status;
            this.field = field;
        }

        int status() {
            return status;
        }

        String field() {
            return field;
        }
    }
}
