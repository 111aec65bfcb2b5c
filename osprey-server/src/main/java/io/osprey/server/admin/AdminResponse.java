package io.osprey.server.admin;

/** An admin API response: a status and a body serialised as JSON (null for none). */
public record AdminResponse(int status, Object body) {

    public static AdminResponse ok(Object body) {
        return new AdminResponse(200, body);
    }

    public static AdminResponse noContent() {
        return new AdminResponse(204, null);
    }

    static AdminResponse problem(Problem problem) {
        return new AdminResponse(problem.status(), problem);
    }
}
