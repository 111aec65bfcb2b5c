package io.osprey.hss.provisioning;

import java.util.List;

/**
 * The outcome of a CSV import.
 *
 * @param imported subscribers stored
 * @param failed   data lines refused
 * @param errors   the first {@value #MAX_ERRORS} refusals, by line
 */
public record ImportResult(int imported, int failed, List<ImportError> errors) {

    /** Most errors kept in a result. */
    public static final int MAX_ERRORS = 1000;

    public ImportResult {
        errors = List.copyOf(errors);
    }
}
