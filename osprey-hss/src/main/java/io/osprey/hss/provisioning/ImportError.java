package io.osprey.hss.provisioning;

/**
 * Why one CSV line was not imported.
 *
 * @param line    1-based line number in the file (the header is line 1)
 * @param field   the column to blame, or empty when the whole row failed
 * @param message what was wrong
 */
public record ImportError(int line, String field, String message) {
}
