package io.osprey.server.role;

import io.osprey.sip.transport.SipTrace;
import java.util.List;

/** A network function that can run in this process: started once, closed on shutdown. */
public interface Role extends AutoCloseable {

    /** The role's name as given to {@code osprey run}, e.g. {@code proxy}. */
    String name();

    /** Binds its ports and starts serving; throws if it cannot. */
    void start() throws Exception;

    /** The SIP message traces of this role's transports, for run-time tracing through the admin API. */
    default List<SipTrace> sipTraces() {
        return List.of();
    }

    /** One line for the console saying where it listens. */
    String describe();

    @Override
    void close();
}
