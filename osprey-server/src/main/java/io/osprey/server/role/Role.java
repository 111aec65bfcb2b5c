package io.osprey.server.role;

/** A network function that can run in this process: started once, closed on shutdown. */
public interface Role extends AutoCloseable {

    /** The role's name as given to {@code osprey run}, e.g. {@code proxy}. */
    String name();

    /** Binds its ports and starts serving; throws if it cannot. */
    void start() throws Exception;

    /** One line for the console saying where it listens. */
    String describe();

    @Override
    void close();
}
