package io.osprey.bench.hss;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.Avps;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.node.DiameterNode;
import io.osprey.diameter.node.DiameterNodeConfig;
import io.osprey.diameter.peer.PeerConfig;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An S-CSCF Diameter node on one TCP connection to the HSS sending Multimedia-Auth requests (TS 29.229 §6.1.7, one
 * Digest-AKAv1-MD5 vector each) round-robin over the provisioned users, with at most {@code window} requests
 * outstanding. Records each round trip's latency.
 */
final class MarLoad implements AutoCloseable {

    private final DiameterNode node;
    private final String realm;
    private final String hssHost;
    private final String[] impis;
    private final String serverName;
    private int next;

    MarLoad(String realm, int hssPort, String[] impis) throws InterruptedException {
        this.realm = realm;
        this.hssHost = "hss." + realm;
        this.impis = impis.clone();
        this.serverName = "sip:scscf." + realm + ":6060";
        this.node = new DiameterNode(DiameterNodeConfig.builder("scscf." + realm, realm)
                .application(CxDictionary.APPLICATION).requestTimeout(Duration.ofSeconds(30))
                .peer(new PeerConfig(hssHost, realm, "127.0.0.1", hssPort)).build());
        node.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!node.peer(hssHost).map(p -> p.state().isOpen()).orElse(false)) {
            if (System.nanoTime() > deadline) {
                node.close();
                throw new IllegalStateException("the connection to the HSS did not open within 20 s");
            }
            Thread.sleep(10);
        }
    }

    /** Sends {@code count} MARs keeping {@code window} outstanding; returns when every answer is in. */
    Outcome run(int count, int window) throws InterruptedException {
        Semaphore slots = new Semaphore(window);
        long[] latencies = new long[count];
        AtomicLong failures = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            slots.acquire();
            int index = i;
            long sent = System.nanoTime();
            node.send(mar(impis[next++ % impis.length])).whenComplete((answer, failure) -> {
                latencies[index] = System.nanoTime() - sent;
                if (failure != null || answer.result().filter(ResultCodes.DIAMETER_SUCCESS::equals).isEmpty()) {
                    failures.incrementAndGet();
                    firstFailure.compareAndSet(null, failure != null ? failure.toString()
                            : String.valueOf(answer.result().orElse(null)));
                }
                slots.release();
            });
        }
        if (!slots.tryAcquire(window, 60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("answers still missing 60 s after the last MAR");
        }
        long wall = System.nanoTime() - start;
        Arrays.sort(latencies);
        return new Outcome(count, failures.get(), firstFailure.get(), wall, percentile(latencies, 0.50),
                percentile(latencies, 0.99));
    }

    private DiameterMessage mar(String impi) {
        return DiameterMessage.request(CxDictionary.MULTIMEDIA_AUTH, node.identity()).destinationRealm(realm)
                .destinationHost(hssHost).add(BaseDictionary.USER_NAME, impi)
                .add(CxDictionary.PUBLIC_IDENTITY, "sip:" + impi).add(CxDictionary.SERVER_NAME, serverName)
                .add(CxDictionary.SIP_NUMBER_AUTH_ITEMS, 1)
                .add(Avps.of(CxDictionary.SIP_AUTH_DATA_ITEM,
                        Avps.of(CxDictionary.SIP_AUTHENTICATION_SCHEME, "Digest-AKAv1-MD5")))
                .build();
    }

    private static long percentile(long[] sorted, double fraction) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(fraction * sorted.length))];
    }

    @Override
    public void close() {
        node.close();
    }

    /** One run: how many were sent and failed, the wall time and the latency median and 99th percentile (ns). */
    record Outcome(int sent, long failures, String firstFailure, long wallNanos, long p50Nanos, long p99Nanos) {
    }
}
