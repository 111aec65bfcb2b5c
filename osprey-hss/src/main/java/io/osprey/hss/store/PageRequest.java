package io.osprey.hss.store;

/**
 * Which slice of a list to return, in the list's stable order (by primary key).
 *
 * @param offset rows to skip, 0 or more
 * @param limit  rows to return, 1 to {@value #MAX_LIMIT}
 */
public record PageRequest(int offset, int limit) {

    /** Largest page. */
    public static final int MAX_LIMIT = 1000;

    public PageRequest {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, was " + offset);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The first page of {@code limit} rows. */
    public static PageRequest first(int limit) {
        return new PageRequest(0, limit);
    }

    /** The page after this one. */
    public PageRequest next() {
        return new PageRequest(offset + limit, limit);
    }
}
