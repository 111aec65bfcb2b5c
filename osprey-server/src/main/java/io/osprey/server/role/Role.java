package io.osprey.server.role;

import io.osprey.hss.cx.CxNotifier;
import io.osprey.sip.transport.SipTrace;
import java.util.List;
import java.util.Optional;

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

    /**
     * The HSS's sender of Cx requests to the S-CSCFs (RTR, PPR) when this role is the HSS: the admin API ends
     * registrations through it. Empty for every other role.
     */
    default Optional<CxNotifier> cxNotifier() {
        return Optional.empty();
    }

    /** One line for the console saying where it listens. */
    String describe();

    @Override
    void close();
}
