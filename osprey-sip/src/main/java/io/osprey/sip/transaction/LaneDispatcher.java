package io.osprey.sip.transaction;

/**
 * Runs work on the lane that owns a Call-ID, so every transaction and dialog of a call is touched by one thread
 * only. Timer expiries and transport failures arrive on other threads and come back through here.
 */
@FunctionalInterface
public interface LaneDispatcher {

    void execute(String callId, Runnable task);

    /**
     * As {@link #execute}, but the calling thread may run {@code task} itself, before this returns, when the lane
     * has nothing queued or running: for a continuation that arrives on a thread that does no other lane's work (a
     * Diameter answer on its connection's event loop), so the lane's thread need not be woken for it (decision
     * 0015). The caller must not rely on {@code task} running later.
     */
    default void executeSoon(String callId, Runnable task) {
        execute(callId, task);
    }

    /**
     * Whether the calling thread is running a task of the lane that owns {@code callId}: a timer that fires there
     * can then run its work at once instead of queueing it behind itself. False when unknown.
     */
    default boolean isCurrent(String callId) {
        return false;
    }

    /** Runs tasks at once on the calling thread: for tests, and for code already on its lane. */
    LaneDispatcher DIRECT = (callId, task) -> task.run();
}
