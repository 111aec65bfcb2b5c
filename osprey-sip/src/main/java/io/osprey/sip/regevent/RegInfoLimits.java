package io.osprey.sip.regevent;

/**
 * Hard limits for parsing a reginfo document; a breach is a {@link RegInfoParseException} naming the limit.
 *
 * @param maxDocumentSize            most octets (or characters, for text input) in a document
 * @param maxDepth                   deepest element nesting, the root counting as 1 (the schema needs 4, more only
 *                                   inside extension elements)
 * @param maxElements                most elements in a document, extension elements included
 * @param maxRegistrations           most {@code <registration>} elements
 * @param maxContactsPerRegistration most {@code <contact>} elements in one registration
 * @param maxUnknownParams           most {@code <unknown-param>} elements in one contact
 * @param maxTextLength              most characters in one element's text
 */
public record RegInfoLimits(int maxDocumentSize, int maxDepth, int maxElements, int maxRegistrations,
                            int maxContactsPerRegistration, int maxUnknownParams, int maxTextLength) {

    /**
     * Generous for IMS: an implicit registration set of a few dozen identities, each with a handful of contacts
     * (RFC 5626 multiple registrations), is far below these.
     */
    public static final RegInfoLimits DEFAULT = new RegInfoLimits(256 * 1024, 16, 10_000, 256, 64, 32, 4096);

    public RegInfoLimits {
        if (maxDocumentSize < 1 || maxDepth < 4 || maxElements < 1 || maxRegistrations < 1
                || maxContactsPerRegistration < 1 || maxUnknownParams < 0 || maxTextLength < 1) {
            throw new IllegalArgumentException("reginfo limits must be positive (depth at least 4): size "
                    + maxDocumentSize + ", depth " + maxDepth + ", elements " + maxElements + ", registrations "
                    + maxRegistrations + ", contacts " + maxContactsPerRegistration + ", unknown-params "
                    + maxUnknownParams + ", text " + maxTextLength);
        }
    }
}
