package io.osprey.ue;

import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transport.TransportProtocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** UEs on 127.0.0.1 for tests, and a bounded wait for a condition. */
final class Loopback {

    static final InetAddress ADDRESS = InetAddress.getLoopbackAddress();
    static final String REALM = "ims.test";
    /** Short timers so that timeouts (64*T1 = 3.2 s) are testable. */
    static final TransactionConfig FAST = new TransactionConfig(Duration.ofMillis(50), Duration.ofMillis(400),
            Duration.ofMillis(500));

    private Loopback() {
    }

    static UeConfig.Builder config(String user, UeCredentials credentials, InetSocketAddress pcscf,
                                   TransportProtocol transport) {
        return UeConfig.builder(user + "@" + REALM, "sip:" + user + "@" + REALM, REALM, credentials)
                .pcscf(pcscf)
                .transport(transport)
                .localAddress(ADDRESS);
    }

    static UserEquipment start(String user, InetSocketAddress pcscf, TransportProtocol transport, double toneHz)
            throws Exception {
        return UserEquipment.start(config(user, UeCredentials.password("unused"), pcscf, transport)
                .toneHz(toneHz).build());
    }

    /** Polls {@code condition} every 10 ms for up to {@code timeout}; true once it holds. */
    static boolean eventually(Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(10);
        }
        return condition.getAsBoolean();
    }

    /** An address nothing listens on (a port just released). */
    static InetSocketAddress deadAddress() {
        return new InetSocketAddress(ADDRESS, FreePorts.udpAndTcp(ADDRESS));
    }
}
