package io.osprey.hss.provisioning;

import java.util.List;

/**
 * A change to one public identity; null fields stay as they are.
 *
 * @param barred       barring indication
 * @param profile      name of an existing service profile
 * @param ifcTemplates iFC templates; the identity moves to the shared profile named after them
 * @param displayName  display name (empty text removes it)
 * @param implicitSet  implicit registration set number
 */
public record PublicIdentityChange(Boolean barred, String profile, List<String> ifcTemplates, String displayName,
                                   Integer implicitSet) {

    public PublicIdentityChange {
        ifcTemplates = ifcTemplates == null ? null : List.copyOf(ifcTemplates);
    }

    /** Only the barring indication. */
    public static PublicIdentityChange barring(boolean barred) {
        return new PublicIdentityChange(barred, null, null, null, null);
    }
}
