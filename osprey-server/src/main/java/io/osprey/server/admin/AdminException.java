package io.osprey.server.admin;

/** Ends an admin request with a problem response. */
public final class AdminException extends Exception {

    private final transient Problem problem;

    public AdminException(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
