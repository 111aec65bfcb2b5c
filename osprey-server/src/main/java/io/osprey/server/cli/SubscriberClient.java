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
        LIST("GET", ""),
        CREATE("POST", ""),
        SHOW("GET", "/"),
        UPDATE("PATCH", "/"),
        DELETE("DELETE", "/"),
        IMPORT("POST", "/import");

        final String method;
        final String path;

        Operation(String method, String path) {
            this.method = method;
            this.path = path;
        }
    }

    /**
     * Runs one operation; {@code id} is the IMPI (or IMPU) of SHOW, UPDATE and DELETE, {@code query} the raw query
     * of LIST. Returns the response body, or null when there is none.
     */
    JsonNode send(Operation operation, String id, String query, String contentType, byte[] body)
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
