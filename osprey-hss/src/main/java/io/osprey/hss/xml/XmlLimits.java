package io.osprey.hss.xml;

/**
 * Hard limits for parsing a user profile document; each breach is reported with the limit.
 *
 * @param maxDocumentSize most octets (or characters, for text input) in a document
 * @param maxDepth        deepest element nesting, the root counting as 1
 * @param maxElements     most elements in a document
 * @param maxTextLength   most characters in one element's text
 */
public record XmlLimits(int maxDocumentSize, int maxDepth, int maxElements, int maxTextLength) {

    /**
     * Generous for real profiles: a subscription with a few dozen identities and iFCs is well under 64 KiB,
     * and the schema nests at most 8 levels outside Extension content.
     */
    public static final XmlLimits DEFAULT = new XmlLimits(256 * 1024, 16, 20_000, 4096);

    public XmlLimits {
        if (maxDocumentSize < 1 || maxDepth < 1 || maxElements < 1 || maxTextLength < 1) {
            throw new IllegalArgumentException("XML limits must be positive: " + maxDocumentSize + ", "
                    + maxDepth + ", " + maxElements + ", " + maxTextLength);
        }
    }
}
