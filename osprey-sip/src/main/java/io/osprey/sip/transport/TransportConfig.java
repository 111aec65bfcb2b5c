package io.osprey.sip.transport;

import java.nio.file.Path;

/**
 * Where and how the SIP transports listen.
 *
 * @param bindAddress   local address for every listener (e.g. 127.0.0.1, 0.0.0.0)
 * @param udpPort       UDP port, 0 for none
 * @param tcpPort       TCP port, 0 for none
 * @param tlsPort       TLS port, 0 for none
 * @param tlsKeyStore   PKCS#12 key store for TLS; when null or missing, a development certificate is created there
 *                      (see {@link DevCertificate}); ignored without a TLS port
 * @param advertisedHost host written into Via sent-by and Record-Route (defaults to the bind address)
 * @param udpMtuLimit   requests larger than this go over TCP instead of UDP (RFC 3261 §18.1.1: 1300 bytes)
 * @param idleTimeoutSeconds close stream connections idle this long (0 = never)
 * @param tlsTrust      how outbound TLS connections check the server; null for {@link TlsTrust#DEFAULT} (verify)
 */
public record TransportConfig(String bindAddress, int udpPort, int tcpPort, int tlsPort, Path tlsKeyStore,
                              String advertisedHost, int udpMtuLimit, int idleTimeoutSeconds, TlsTrust tlsTrust) {

    /** RFC 3261 §18.1.1: a request within 200 bytes of a 1500-byte MTU must use a congestion-controlled transport. */
    public static final int DEFAULT_UDP_MTU_LIMIT = 1300;

    public TransportConfig {
        if (advertisedHost == null) {
            advertisedHost = bindAddress;
        }
        if (tlsTrust == null) {
            tlsTrust = TlsTrust.DEFAULT;
        }
    }

    /** With outbound TLS verified as {@link TlsTrust#DEFAULT} says. */
    public TransportConfig(String bindAddress, int udpPort, int tcpPort, int tlsPort, Path tlsKeyStore,
                           String advertisedHost, int udpMtuLimit, int idleTimeoutSeconds) {
        this(bindAddress, udpPort, tcpPort, tlsPort, tlsKeyStore, advertisedHost, udpMtuLimit, idleTimeoutSeconds,
                null);
    }

    /** A copy whose outbound TLS connections check servers as {@code trust} says. */
    public TransportConfig withTlsTrust(TlsTrust trust) {
        return new TransportConfig(bindAddress, udpPort, tcpPort, tlsPort, tlsKeyStore, advertisedHost, udpMtuLimit,
                idleTimeoutSeconds, trust);
    }

    /** UDP and TCP on one port, no TLS. */
    public static TransportConfig udpTcp(String bindAddress, int port) {
        return new TransportConfig(bindAddress, port, port, 0, null, null, DEFAULT_UDP_MTU_LIMIT, 600);
    }
}
