package io.osprey.bench.hss;

import java.lang.management.ManagementFactory;
import java.util.function.LongSupplier;

/**
 * Wall time, CPU time of this JVM (every thread: benchmark threads, JDBC driver, JIT and GC) and, when known,
 * CPU time of the database server processes serving this JVM. {@link #start()} then {@link Span#stop()}.
 */
final class CpuMeter {

    /** Returned by a server CPU source that cannot measure. */
    static final long UNKNOWN = -1;

    private final com.sun.management.OperatingSystemMXBean os;
    private final LongSupplier serverCpuNanos;

    CpuMeter(LongSupplier serverCpuNanos) {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean bean)) {
            throw new IllegalStateException("this JVM does not report process CPU time"
                    + " (needs com.sun.management.OperatingSystemMXBean)");
        }
        this.os = bean;
        this.serverCpuNanos = serverCpuNanos;
    }

    Span start() {
        return new Span(System.nanoTime(), os.getProcessCpuTime(), serverCpuNanos.getAsLong());
    }

    /** A running measurement. */
    final class Span {

        private final long wallStart;
        private final long cpuStart;
        private final long serverStart;

        private Span(long wallStart, long cpuStart, long serverStart) {
            this.wallStart = wallStart;
            this.cpuStart = cpuStart;
            this.serverStart = serverStart;
        }

        Usage stop() {
            long wall = System.nanoTime() - wallStart;
            long cpu = os.getProcessCpuTime() - cpuStart;
            long server = serverCpuNanos.getAsLong();
            return new Usage(wall, cpu, serverStart == UNKNOWN || server == UNKNOWN ? UNKNOWN : server - serverStart);
        }
    }

    /** Nanoseconds spent; {@code serverCpuNanos} is {@link #UNKNOWN} when not measured. */
    record Usage(long wallNanos, long processCpuNanos, long serverCpuNanos) {
    }
}
