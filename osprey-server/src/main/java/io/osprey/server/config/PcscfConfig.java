package io.osprey.server.config;

import io.osprey.cscf.pcscf.SecAgreeSettings;
import io.osprey.sip.transport.TlsTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The P-CSCF role, the UE's first hop.
 *
 * @param listen             address to bind and to advertise in Path and Record-Route, default 127.0.0.1
 * @param port               UDP and TCP port, default 5060
 * @param tlsPort            TLS port for UEs (RFC 3261 §26.3.1), default 5061; 0 turns TLS off
 * @param tlsKeyStore        PKCS#12 key store for TLS, default data/tls/osprey-dev.p12, where a development
 *                           certificate is created on first start when the file is missing (docs/decisions/0003)
 * @param visitedNetworkId   P-Visited-Network-ID to insert, default the home domain
 * @param emergencyRoute     SIP URI of the E-CSCF for emergency URNs; absent: emergency requests get 380
 * @param secAgree           security mechanisms offered to UEs (RFC 3329): any of digest, tls, ipsec-3gpp, most
 *                           preferred first; default none, which turns security agreement off
 * @param ipsecPortC         protected client port announced for ipsec-3gpp (TS 33.203 Annex H), default 5062
 * @param ipsecPortS         protected server port announced for ipsec-3gpp, default 5063
 * @param tlsVerifyPeers     whether TLS connections the P-CSCF opens check the server's certificate (RFC 3261
 *                           §26.3.1, RFC 5922 §7), default true; false is for experiments and logs a warning
 * @param tlsTrustStore      PKCS#12 or JKS file of the certificates trusted for those connections; default the
 *                           JDK's CAs. The node's own certificate is always trusted, and a node on the development
 *                           certificate also accepts peers' development certificates
 * @param tlsTrustStorePassword the trust store's password; never printed
 * @param stateFile          where the registration cache is kept across restarts, default
 *                           data/pcscf-registrations.txt: written on a clean stop, read on start, so UEs still
 *                           registered are not refused until they register again (UDP registrations only; security
 *                           agreements are not kept)
 */
public record PcscfConfig(String listen, Integer port, Integer tlsPort, Path tlsKeyStore, String visitedNetworkId,
                          String emergencyRoute, List<String> secAgree, Integer ipsecPortC, Integer ipsecPortS,
                          Boolean tlsVerifyPeers, Path tlsTrustStore, String tlsTrustStorePassword,
                          Path stateFile) {

    public PcscfConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 5060 : port, 1, 65535);
        tlsPort = ConfigChecks.range("tls-port", tlsPort == null ? 5061 : tlsPort, 0, 65535);
        if (tlsPort.equals(port)) {
            throw new ConfigException("tls-port", tlsPort + " is the UDP and TCP port too; expected another port or 0");
        }
        tlsKeyStore = tlsKeyStore == null ? Path.of("data", "tls", "osprey-dev.p12") : tlsKeyStore;
        stateFile = stateFile == null ? Path.of("data", "pcscf-registrations.txt") : stateFile;
        if (emergencyRoute != null && !emergencyRoute.regionMatches(true, 0, "sip:", 0, 4)) {
            throw new ConfigException("emergency-route", "'" + emergencyRoute + "' is not a sip: URI");
        }
        List<String> mechanisms = new ArrayList<>();
        List<String> given = secAgree == null ? List.of() : secAgree;
        for (int i = 0; i < given.size(); i++) {
            String problem = SecAgreeSettings.problem(given.get(i));
            if (problem != null) {
                throw new ConfigException("sec-agree[" + i + "]", problem);
            }
            String name = given.get(i).trim().toLowerCase(java.util.Locale.ROOT);
            if (mechanisms.contains(name)) {
                throw new ConfigException("sec-agree[" + i + "]", "'" + name + "' is listed twice");
            }
            mechanisms.add(name);
        }
        secAgree = List.copyOf(mechanisms);
        ipsecPortC = ConfigChecks.range("ipsec-port-c", ipsecPortC == null ? SecAgreeSettings.DEFAULT_PORT_C
                : ipsecPortC, 1, 65535);
        ipsecPortS = ConfigChecks.range("ipsec-port-s", ipsecPortS == null ? SecAgreeSettings.DEFAULT_PORT_S
                : ipsecPortS, 1, 65535);
        tlsVerifyPeers = tlsVerifyPeers == null || tlsVerifyPeers;
        if (tlsTrustStore != null && !java.nio.file.Files.isReadable(tlsTrustStore)) {
            throw new ConfigException("tls-trust-store", "'" + tlsTrustStore + "' is not a readable file");
        }
        if (tlsTrustStore != null && !tlsVerifyPeers) {
            throw new ConfigException("tls-trust-store", "is set while tls-verify-peers is false; expected one of them");
        }
        if (tlsTrustStorePassword != null && tlsTrustStore == null) {
            throw new ConfigException("tls-trust-store-password", "is set without tls-trust-store");
        }
    }

    /** How the P-CSCF's outbound TLS connections check servers. */
    public TlsTrust tlsTrust() {
        if (!tlsVerifyPeers) {
            return TlsTrust.NONE;
        }
        return tlsTrustStore == null ? TlsTrust.DEFAULT : TlsTrust.store(tlsTrustStore, tlsTrustStorePassword);
    }

    @Override
    public String toString() { // the trust store's password is never printed
        return "PcscfConfig[listen=" + listen + ", port=" + port + ", tlsPort=" + tlsPort + ", tlsKeyStore="
                + tlsKeyStore + ", visitedNetworkId=" + visitedNetworkId + ", emergencyRoute=" + emergencyRoute
                + ", secAgree=" + secAgree + ", ipsecPortC=" + ipsecPortC + ", ipsecPortS=" + ipsecPortS
                + ", tlsVerifyPeers=" + tlsVerifyPeers + ", tlsTrustStore=" + tlsTrustStore
                + ", tlsTrustStorePassword=" + (tlsTrustStorePassword == null ? "-" : "<redacted>")
                + ", stateFile=" + stateFile + "]";
    }

    static PcscfConfig defaults() {
        return new PcscfConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** The security agreement settings of the P-CSCF policy. */
    public SecAgreeSettings secAgreeSettings() {
        return new SecAgreeSettings(secAgree, ipsecPortC, ipsecPortS);
    }
}
