package io.osprey.server.cli;

import io.osprey.sip.transport.TransportProtocol;
import io.osprey.ue.UeConfig;
import io.osprey.ue.UeCredentials;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options every {@code osprey ue} subcommand shares: identity, credentials (AKA K with OP or OPc, or a digest
 * password), where the P-CSCF is, and local addressing. Turns them into a {@link UeConfig}, naming the option when a
 * value is wrong.
 */
final class UeOptions {

    @Option(names = "--impi", required = true, description = "Private identity, user@realm.")
    String impi;

    @Option(names = "--impu", description = "Public identity (default: sip:<impi>).")
    String impu;

    @Option(names = "--realm", description = "Home domain (default: the domain of --impi).")
    String realm;

    @Option(names = "--k", description = "AKA subscriber key K, 32 hex digits.")
    String k;

    @Option(names = "--op", description = "AKA operator variant OP, 32 hex digits.")
    String op;

    @Option(names = "--opc", description = "AKA derived OPc, 32 hex digits (instead of --op).")
    String opc;

    @Option(names = "--amf", defaultValue = "8000", description = "AKA AMF, 4 hex digits (default: ${DEFAULT-VALUE}).")
    String amf;

    @Option(names = "--sqn-seq", defaultValue = "0",
            description = "SEQ the USIM has already accepted (default: ${DEFAULT-VALUE}, a new card).")
    long sqnSeq;

    @Option(names = "--password", description = "Digest password (instead of AKA keys).")
    String password;

    @Option(names = "--pcscf", defaultValue = "127.0.0.1:5060", paramLabel = "<host:port>",
            description = "P-CSCF address (default: ${DEFAULT-VALUE}).")
    String pcscf;

    @Option(names = "--transport", defaultValue = "udp", description = "udp, tcp or tls (default: ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--local-address", defaultValue = "127.0.0.1",
            description = "Local IP for SIP and RTP (default: ${DEFAULT-VALUE}).")
    String localAddress;

    @Option(names = "--local-port", defaultValue = "0", description = "Local SIP port (default: any free port).")
    int localPort;

    @Option(names = "--timeout", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long to wait for each step (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    /** The UE configuration, or a {@link ParameterException} naming the offending option. */
    UeConfig toConfig(CommandSpec spec) {
        CommandLine cli = spec.commandLine();
        int at = impi.indexOf('@');
        String home = realm != null ? realm : at > 0 && at < impi.length() - 1 ? impi.substring(at + 1) : null;
        if (home == null) {
            throw new ParameterException(cli, "--impi must be user@realm (or give --realm), was '" + impi + "'");
        }
        TransportProtocol protocol = TransportProtocol.fromToken(transport);
        if (protocol == null || protocol == TransportProtocol.WS || protocol == TransportProtocol.WSS) {
            throw new ParameterException(cli, "--transport must be udp, tcp or tls, was '" + transport + "'");
        }
        InetAddress local;
        try {
            local = InetAddress.getByName(localAddress);
        } catch (UnknownHostException e) {
            throw new ParameterException(cli, "--local-address: cannot resolve '" + localAddress + "'");
        }
        if (localPort < 0 || localPort > 65535) {
            throw new ParameterException(cli, "--local-port must be 0-65535, was " + localPort);
        }
        return UeConfig.builder(impi, impu != null ? impu : "sip:" + impi, home, credentials(cli))
                .pcscf(hostPort(cli, pcscf))
                .transport(protocol)
                .localAddress(local)
                .localPort(localPort)
                .userAgent("Osprey-UE/" + OspreyCli.version())
                .build();
    }

    private UeCredentials credentials(CommandLine cli) {
        boolean aka = k != null || op != null || opc != null;
        if (aka == (password != null)) {
            throw new ParameterException(cli, "give either --k with --op or --opc (AKA), or --password (digest)");
        }
        if (!aka) {
            return UeCredentials.password(password);
        }
        if (k == null || (op == null) == (opc == null)) {
            throw new ParameterException(cli, "AKA needs --k and exactly one of --op and --opc");
        }
        try {
            return new UeCredentials.Aka(hex(cli, "--k", k), hex(cli, op != null ? "--op" : "--opc",
                    op != null ? op : opc), opc != null, hex(cli, "--amf", amf), sqnSeq);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, e.getMessage());
        }
    }

    private static byte[] hex(CommandLine cli, String option, String value) {
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cli, option + " must be hex digits, was '" + value + "'");
        }
    }

    static InetSocketAddress hostPort(CommandLine cli, String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ParameterException(cli, "--pcscf must be host:port, was '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (NumberFormatException e) {
            throw new ParameterException(cli, "--pcscf port must be 1-65535, was '" + value + "'");
        } catch (UnknownHostException e) {
            throw new ParameterException(cli, "--pcscf: cannot resolve '" + host + "'");
        }
    }

    /** Durations as {@code 10s}, {@code 500ms}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT10S}). */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            String text = value.strip().toLowerCase(Locale.ROOT);
            try {
                if (text.startsWith("pt")) {
                    return Duration.parse(text.toUpperCase(Locale.ROOT));
                }
                if (text.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
                }
                long amount = Long.parseLong(text.substring(0, text.length() - 1));
                return switch (text.charAt(text.length() - 1)) {
                    case 's' -> Duration.ofSeconds(amount);
                    case 'm' -> Duration.ofMinutes(amount);
                    case 'h' -> Duration.ofHours(amount);
                    default -> throw new CommandLine.TypeConversionException(
                            "'" + value + "' is not a duration such as 10s, 500ms, 2m");
                };
            } catch (RuntimeException e) {
                if (e instanceof CommandLine.TypeConversionException conversion) {
                    throw conversion;
                }
                throw new CommandLine.TypeConversionException(
                        "'" + value + "' is not a duration such as 10s, 500ms, 2m");
            }
        }
    }
}
