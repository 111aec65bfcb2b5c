package io.osprey.server.config;

/** A bad configuration key or value; the message names the key path and what was expected. */
public final class ConfigException extends RuntimeException {

    private final String path;

    public ConfigException(String path, String problem) {
        super(path + ": " + problem);
        this.path = path;
    }

    /** Dotted key path, e.g. {@code proxy.routes[0].to}. */
    public String path() {
        return path;
    }
}
