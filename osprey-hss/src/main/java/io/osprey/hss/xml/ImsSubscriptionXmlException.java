package io.osprey.hss.xml;

/**
 * A user profile document could not be parsed: not well-formed, a DTD, elements out of the schema's order,
 * a bad value, or a size limit. {@link #path()} names the element, e.g.
 * {@code IMSSubscription/ServiceProfile/InitialFilterCriteria/Priority}.
 */
public final class ImsSubscriptionXmlException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String path;

    public ImsSubscriptionXmlException(String path, String message) {
        super(path.isEmpty() ? message : path + ": " + message);
        this.path = path;
    }

    public ImsSubscriptionXmlException(String path, String message, Throwable cause) {
        super(path.isEmpty() ? message : path + ": " + message, cause);
        this.path = path;
    }

    /** Slash-separated element names from the root to the offending element; empty before the root. */
    public String path() {
        return path;
    }
}
