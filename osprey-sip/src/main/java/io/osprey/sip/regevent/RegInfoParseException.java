package io.osprey.sip.regevent;

/**
 * A reginfo document that {@link RegInfoXmlParser} refuses: not well-formed, a DTD or entity reference, a schema
 * violation (a missing or bad attribute, an element out of order), or a size limit. {@link #path()} names the
 * element, e.g. {@code reginfo/registration[2]/contact[1]}, {@link #problem()} says what is wrong and, for a limit,
 * {@link #limit()} which one.
 */
public final class RegInfoParseException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;
    private final long limit;

    /** A schema or well-formedness fault. */
    public RegInfoParseException(String path, String problem) {
        this(path, problem, -1, null);
    }

    /** A fault with a cause; {@code limit} is -1 unless a size limit was passed. */
    public RegInfoParseException(String path, String problem, long limit, Throwable cause) {
        super((path.isEmpty() ? "" : path + ": ") + problem + (limit >= 0 ? " (limit " + limit + ")" : ""), cause);
        this.path = path;
        this.problem = problem;
        this.limit = limit;
    }

    /** Parse failures come from untrusted input and are expected: no stack trace is recorded. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** Slash-separated elements from the root to the fault, with 1-based positions; empty before the root. */
    public String path() {
        return path;
    }

    /** What is wrong, without the path. */
    public String problem() {
        return problem;
    }

    /** The size limit passed, or -1 for any other fault. */
    public long limit() {
        return limit;
    }
}
