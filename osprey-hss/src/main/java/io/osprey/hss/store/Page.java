package io.osprey.hss.store;

import java.util.List;

/**
 * One slice of a list.
 *
 * @param items  the rows of this page
 * @param offset rows skipped before this page
 * @param limit  the requested page size
 * @param total  rows in the whole list when the page was read
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether rows follow this page. */
    public boolean hasNext() {
        return offset + items.size() < total;
    }
}
