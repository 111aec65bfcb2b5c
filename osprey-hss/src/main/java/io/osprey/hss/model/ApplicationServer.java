package io.osprey.hss.model;

import java.util.Optional;

/**
 * The application server an iFC routes to, tApplicationServer of TS 29.228 Annex E / TS 29.228 §B.2.2.
 *
 * @param serverName              SIP URI of the AS
 * @param defaultHandling         what to do when the AS does not answer
 * @param serviceInfo             opaque text the S-CSCF passes to the AS (in a third-party REGISTER body)
 * @param includeRegisterRequest  Rel-9+: put the UE's REGISTER into the third-party REGISTER body
 * @param includeRegisterResponse Rel-9+: put the 200 OK to REGISTER into the third-party REGISTER body
 */
public record ApplicationServer(
        String serverName,
        DefaultHandling defaultHandling,
        Optional<String> serviceInfo,
        boolean includeRegisterRequest,
        boolean includeRegisterResponse) {

    /** Longest server name accepted. */
    public static final int MAX_SERVER_NAME_LENGTH = 255;
    /** Longest ServiceInfo accepted. */
    public static final int MAX_SERVICE_INFO_LENGTH = 1024;

    public ApplicationServer {
        Checks.token("applicationServer.serverName", serverName, MAX_SERVER_NAME_LENGTH);
        String scheme = serverName.regionMatches(true, 0, "sip:", 0, 4) ? "sip:"
                : serverName.regionMatches(true, 0, "sips:", 0, 5) ? "sips:" : null;
        if (scheme == null || serverName.length() == scheme.length()) {
            throw new InvalidValueException("applicationServer.serverName",
                    "must be a SIP URI, was \"" + serverName + "\"");
        }
        Checks.notNull("applicationServer.defaultHandling", defaultHandling);
        Checks.optional("applicationServer.serviceInfo", serviceInfo)
                .ifPresent(info -> Checks.anyText("applicationServer.serviceInfo", info, MAX_SERVICE_INFO_LENGTH));
    }

    /** An AS with no service info that receives no copies of REGISTER. */
    public static ApplicationServer of(String serverName, DefaultHandling defaultHandling) {
        return new ApplicationServer(serverName, defaultHandling, Optional.empty(), false, false);
    }
}
