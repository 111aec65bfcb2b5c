package io.osprey.ue;

import io.osprey.sip.transaction.TransactionConfig;
import io.osprey.sip.transport.TransportProtocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything a {@link UserEquipment} needs to start.
 *
 * @param impi             private identity, the digest {@code username} (TS 24.229 §5.1.1.2.1)
 * @param impu             public identity used in From/To, e.g. {@code sip:alice@ims.example}
 * @param realm            home network domain: the REGISTER Request-URI is {@code sip:<realm>} and the initial
 *                         Authorization carries this realm
 * @param credentials      AKA secrets or a digest password
 * @param pcscf            where every request outside a dialog goes (the outbound proxy, TS 24.229 §5.1.1.1)
 * @param transport        UDP, TCP or TLS toward the P-CSCF
 * @param localAddress     local IP to bind SIP and RTP to and to advertise in Via, Contact and SDP
 * @param localPort        local SIP port for UDP and TCP; 0 picks a free one
 * @param userAgent        User-Agent header value
 * @param instanceId       {@code +sip.instance} value (RFC 5626 §4.1), a {@code urn:uuid:}; fixed per IMPI by default
 * @param toneHz           frequency of the G.711 tone sent in calls
 * @param noAnswerTimeout  how long an outgoing call rings before the UE CANCELs it
 * @param timers           SIP timers T1, T2, T4 (RFC 3261 §17); transactions time out after 64*T1
 */
public record UeConfig(String impi, String impu, String realm, UeCredentials credentials, InetSocketAddress pcscf,
                       TransportProtocol transport, InetAddress localAddress, int localPort, String userAgent,
                       String instanceId, double toneHz, Duration noAnswerTimeout, TransactionConfig timers) {

    public static final String DEFAULT_USER_AGENT = "Osprey-UE/0.1";
    public static final double DEFAULT_TONE_HZ = 440;
    public static final Duration DEFAULT_NO_ANSWER_TIMEOUT = Duration.ofSeconds(120);

    public UeConfig {
        requireText("impi", impi);
        requireText("impu", impu);
        requireText("realm", realm);
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(pcscf, "pcscf");
        Objects.requireNonNull(transport, "transport");
        if (transport != TransportProtocol.UDP && transport != TransportProtocol.TCP
                && transport != TransportProtocol.TLS) {
            throw new IllegalArgumentException("transport must be UDP, TCP or TLS, was " + transport);
        }
        localAddress = localAddress != null ? localAddress : InetAddress.getLoopbackAddress();
        if (localPort < 0 || localPort > 65535) {
            throw new IllegalArgumentException("localPort must be 0-65535, was " + localPort);
        }
        userAgent = userAgent != null ? userAgent : DEFAULT_USER_AGENT;
        instanceId = instanceId != null ? instanceId : defaultInstanceId(impi);
        if (!(toneHz > 0 && toneHz < 4000)) {
            throw new IllegalArgumentException("toneHz must be within (0, 4000) for 8 kHz G.711, was " + toneHz);
        }
        noAnswerTimeout = noAnswerTimeout != null ? noAnswerTimeout : DEFAULT_NO_ANSWER_TIMEOUT;
        timers = timers != null ? timers : TransactionConfig.DEFAULTS;
    }

    /** The configuration as the nine essentials, with defaults for the rest. */
    public UeConfig(String impi, String impu, String realm, UeCredentials credentials, InetSocketAddress pcscf,
                    TransportProtocol transport, InetAddress localAddress, int localPort, String userAgent) {
        this(impi, impu, realm, credentials, pcscf, transport, localAddress, localPort, userAgent, null,
                DEFAULT_TONE_HZ, null, null);
    }

    private static void requireText(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    /** A name-based UUID of the IMPI (RFC 4122 §4.3), so one subscriber keeps its instance across runs. */
    static String defaultInstanceId(String impi) {
        return "urn:uuid:" + UUID.nameUUIDFromBytes(("osprey-ue:" + impi).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A builder for a UE with identity {@code impi} / {@code impu} in {@code realm}. Defaults: P-CSCF
     * 127.0.0.1:5060 over UDP, local address 127.0.0.1, any free port.
     */
    public static Builder builder(String impi, String impu, String realm, UeCredentials credentials) {
        return new Builder(impi, impu, realm, credentials);
    }

    /** Builds a {@link UeConfig}; every setter is optional. */
    public static final class Builder {
        private final String impi;
        private final String impu;
        private final String realm;
        private final UeCredentials credentials;
        private InetSocketAddress pcscf = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5060);
        private TransportProtocol transport = TransportProtocol.UDP;
        private InetAddress localAddress = InetAddress.getLoopbackAddress();
        private int localPort;
        private String userAgent;
        private String instanceId;
        private double toneHz = DEFAULT_TONE_HZ;
        private Duration noAnswerTimeout;
        private TransactionConfig timers;

        private Builder(String impi, String impu, String realm, UeCredentials credentials) {
            this.impi = impi;
            this.impu = impu;
            this.realm = realm;
            this.credentials = credentials;
        }

        public Builder pcscf(InetSocketAddress address) {
            this.pcscf = address;
            return this;
        }

        public Builder transport(TransportProtocol protocol) {
            this.transport = protocol;
            return this;
        }

        public Builder localAddress(InetAddress address) {
            this.localAddress = address;
            return this;
        }

        public Builder localPort(int port) {
            this.localPort = port;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Builder instanceId(String urn) {
            this.instanceId = urn;
            return this;
        }

        public Builder toneHz(double hz) {
            this.toneHz = hz;
            return this;
        }

        public Builder noAnswerTimeout(Duration timeout) {
            this.noAnswerTimeout = timeout;
            return this;
        }

        public Builder timers(TransactionConfig value) {
            this.timers = value;
            return this;
        }

        public UeConfig build() {
            return new UeConfig(impi, impu, realm, credentials, pcscf, transport, localAddress, localPort, userAgent,
                    instanceId, toneHz, noAnswerTimeout, timers);
        }
    }
}
