package io.osprey.hss.model;

/**
 * A shared iFC an operator attaches to service profiles by name (for example {@code mmtel-orig}); the store
 * copies it into every user profile document whose service profile lists it. Its priority must not clash
 * with the other iFCs of such a profile.
 *
 * @param name           unique name: letters, digits and {@code . _ + -}
 * @param filterCriteria the iFC
 */
public record IfcTemplate(String name, InitialFilterCriteria filterCriteria) {

    /** Longest template name accepted. */
    public static final int MAX_NAME_LENGTH = 64;

    public IfcTemplate {
        Checks.name("ifcTemplate.name", name, MAX_NAME_LENGTH);
        Checks.notNull("ifcTemplate.filterCriteria", filterCriteria);
    }
}
