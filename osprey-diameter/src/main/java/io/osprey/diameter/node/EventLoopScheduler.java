package io.osprey.diameter.node;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import io.osprey.common.time.Scheduler;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Scheduler} whose timers run on one Netty event loop, the thread that owns a peer, so timer tasks
 * need no hand-off. Time is {@link System#nanoTime()}. After the loop shut down, timers never fire.
 */
final class EventLoopScheduler implements Scheduler {

    private static final Timer NEVER = () -> false;

    private final EventExecutor loop;

    EventLoopScheduler(EventExecutor loop) {
        this.loop = loop;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        try {
            ScheduledFuture<?> future = loop.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
            return () -> future.cancel(false);
        } catch (RejectedExecutionException e) {
            return NEVER;
        }
    }
}
