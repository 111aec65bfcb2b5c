package io.osprey.sip.pheaders;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Generates {@code icid-value}s for P-Charging-Vector (RFC 7315 §4.6; TS 24.229 §7.2A.5): an ICID must be globally
 * unique across time and nodes. A value is {@code <node-prefix>.<time>.<counter>}: the node's
 * prefix, the wall-clock time in milliseconds and a per-generator sequence number, both in lower-case hex, e.g.
 * {@code pcscf1.19a4c2e7f10.2a}. All three are SIP token characters, so the value needs no quoting.
 *
 * <p>The counter alone makes values of one generator unique; the time keeps a restarted node (whose counter starts
 * again at 0) from repeating earlier values, as long as its clock does not step back past its last run. Distinct
 * nodes need distinct prefixes. Thread-safe without locks: one atomic increment per value.
 */
public final class IcidGenerator {

    private final String prefix;
    private final LongSupplier clockMillis;
    private final AtomicLong counter = new AtomicLong();

    /** A generator on the system clock. */
    public IcidGenerator(String nodePrefix) {
        this(nodePrefix, System::currentTimeMillis);
    }

    /**
     * A generator on {@code clockMillis}.
     *
     * @param nodePrefix 1 to 32 characters: letters, digits and {@code -} (no {@code .}, which separates the parts)
     */
    public IcidGenerator(String nodePrefix, LongSupplier clockMillis) {
        Objects.requireNonNull(nodePrefix, "nodePrefix");
        if (nodePrefix.isEmpty() || nodePrefix.length() > 32) {
            throw new IllegalArgumentException("ICID node prefix must be 1 to 32 characters, was '" + nodePrefix + "'");
        }
        for (int i = 0; i < nodePrefix.length(); i++) {
            char c = nodePrefix.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
            if (!ok) {
                throw new IllegalArgumentException("ICID node prefix may hold letters, digits and '-', was '"
                        + nodePrefix + "'");
            }
        }
        this.prefix = nodePrefix;
        this.clockMillis = Objects.requireNonNull(clockMillis, "clockMillis");
    }

    /** The next ICID. */
    public String next() {
        long n = counter.getAndIncrement();
        long now = clockMillis.getAsLong();
        return new StringBuilder(prefix.length() + 24).append(prefix).append('.')
                .append(Long.toHexString(now)).append('.').append(Long.toHexString(n)).toString();
    }

    /** A P-Charging-Vector with a fresh ICID generated at {@code host}. */
    public ChargingVector nextVector(String host) {
        return ChargingVector.of(next()).withIcidGeneratedAt(host);
    }
}
