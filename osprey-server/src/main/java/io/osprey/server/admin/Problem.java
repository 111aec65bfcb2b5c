package io.osprey.server.admin;

/**
 * An RFC 9457 problem detail. {@code type} is a URI naming the kind of problem; {@code detail} says what was wrong in
 * words a user can act on, naming the field when there is one.
 */
public record Problem(String type, String title, int status, String detail, String field) {

    static final String BASE = "https://osprey.dev/problems/";

    static Problem of(int status, String kind, String title, String detail) {
        return new Problem(BASE + kind, title, status, detail, null);
    }

    static Problem invalid(String field, String detail) {
        return new Problem(BASE + "invalid-field", "Invalid field", 400, detail, field);
    }
}
