package io.osprey.sip.transport;

import java.util.Locale;

/** SIP transports (RFC 3261 §18, RFC 7118 for WebSocket) with the facts the transaction layer needs about each. */
public enum TransportProtocol {
    UDP(false, 5060),
    TCP(true, 5060),
    TLS(true, 5061),
    WS(true, 80),
    WSS(true, 443);

    private final boolean reliable;
    private final int defaultPort;

    TransportProtocol(boolean reliable, int defaultPort) {
        this.reliable = reliable;
        this.defaultPort = defaultPort;
    }

    /** Reliable transports need no retransmissions and no wait states (RFC 3261 §17.1.1.2 timers set to zero). */
    public boolean reliable() {
        return reliable;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The token in a Via header's sent-protocol, e.g. {@code UDP} in {@code SIP/2.0/UDP}. */
    public String viaName() {
        return name();
    }

    /** The protocol for a Via transport token or URI {@code transport} parameter, case-insensitive; null if unknown. */
    public static TransportProtocol fromToken(String token) {
        if (token == null) {
            return null;
        }
        return switch (token.toUpperCase(Locale.ROOT)) {
            case "UDP" -> UDP;
            case "TCP" -> TCP;
            case "TLS" -> TLS;
            case "WS" -> WS;
            case "WSS" -> WSS;
            default -> null;
        };
    }
}
