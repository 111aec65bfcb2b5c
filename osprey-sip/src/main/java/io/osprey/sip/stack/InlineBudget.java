package io.osprey.sip.stack;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Whether an I/O thread may run lane work itself: while it used less than {@link #MAX_SHARE} of the last
 * {@link #WINDOW_NANOS} on the CPU. A busier I/O thread hands messages to the lanes' own threads, so that the
 * work spreads over the cores, and overload shows in the lane queues (where {@link SipStack} answers 503) instead
 * of piling up unseen in the socket buffer.
 *
 * <p>The CPU time of the calling thread is read once per window per thread. Where the JVM cannot measure thread
 * CPU time, nothing runs in place.
 */
final class InlineBudget {

    static final long WINDOW_NANOS = 20_000_000L;
    /**
     * Up to 85 % busy, an I/O thread still runs work in place (decision 0010's amendment): on 2 cores, handing work
     * at half load to lane threads that were asleep cost more in wake-ups than spreading it gained. Past that, or
     * once its sockets fall behind, the lanes take the work and its queueing delay shows (0014).
     */
    static final double MAX_SHARE = 0.85;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final boolean MEASURABLE = measurable();

    private final ThreadLocal<Window> windows = ThreadLocal.withInitial(Window::new);

    private static boolean measurable() {
        try {
            if (!THREADS.isCurrentThreadCpuTimeSupported()) {
                return false;
            }
            if (!THREADS.isThreadCpuTimeEnabled()) {
                THREADS.setThreadCpuTimeEnabled(true);
            }
            return THREADS.getCurrentThreadCpuTime() >= 0;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Whether the calling I/O thread may run the next message's lane work in place. */
    boolean allows() {
        if (!MEASURABLE) {
            return false;
        }
        Window window = windows.get();
        long now = System.nanoTime();
        long elapsed = now - window.startNanos;
        if (elapsed >= WINDOW_NANOS) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            window.allowed = cpu - window.startCpu < elapsed * MAX_SHARE;
            window.startCpu = cpu;
            window.startNanos = now;
        }
        return window.allowed;
    }

    private static final class Window {
        long startNanos = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        boolean allowed = true;
    }
}
