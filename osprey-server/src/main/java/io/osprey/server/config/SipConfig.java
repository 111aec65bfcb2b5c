package io.osprey.server.config;

import java.time.Duration;

/**
 * SIP stack settings.
 *
 * @param t1            RFC 3261 §17.1.1.1 round-trip estimate, default 500 ms
 * @param t2            maximum retransmit interval for non-INVITE requests and INVITE responses, default 4 s
 * @param t4            maximum time a message remains in the network, default 5 s
 * @param lanes         serial executors for transaction and dialog state; default the number of CPUs
 * @param laneQueue     tasks each lane may queue before new requests are refused with 503
 * @param maxBodyBytes  largest accepted message body
 * @param traceAll      log every SIP message in and out (per-user tracing is switched on at run time instead)
 */
public record SipConfig(Duration t1, Duration t2, Duration t4, Integer lanes, Integer laneQueue,
                        Integer maxBodyBytes, Boolean traceAll) {

    public SipConfig {
        t1 = ConfigChecks.positive("t1", t1 == null ? Duration.ofMillis(500) : t1);
        t2 = ConfigChecks.positive("t2", t2 == null ? Duration.ofSeconds(4) : t2);
        t4 = ConfigChecks.positive("t4", t4 == null ? Duration.ofSeconds(5) : t4);
        if (t2.compareTo(t1) < 0) {
            throw new ConfigException("t2", t2 + " is shorter than t1 (" + t1 + "); RFC 3261 requires T2 >= T1");
        }
        lanes = ConfigChecks.range("lanes", lanes == null ? Runtime.getRuntime().availableProcessors() : lanes, 1, 1024);
        laneQueue = ConfigChecks.range("lane-queue", laneQueue == null ? 16_384 : laneQueue, 16, 10_000_000);
        maxBodyBytes = ConfigChecks.range("max-body-bytes", maxBodyBytes == null ? 65_536 : maxBodyBytes, 0, 16 << 20);
        traceAll = traceAll != null && traceAll;
    }

    /** Netty I/O threads of one SIP stack, or of a process's shared core event loops: half the lanes, at least 1. */
    public int ioThreads() {
        return Math.max(1, lanes / 2);
    }

    static SipConfig defaults() {
        return new SipConfig(null, null, null, null, null, null, null);
    }
}
