package io.osprey.server.config;

/**
 * One static route: requests whose Request-URI matches go to {@code to}.
 *
 * @param match {@code *} for any request, {@code @domain} for a Request-URI host, or a prefix of the user part
 *              (dialled digits, e.g. {@code +44})
 * @param to    next hop as {@code host:port} or a SIP URI, e.g. {@code sip:127.0.0.1:5080;transport=tcp}
 */
public record RouteConfig(String match, String to) {

    public RouteConfig {
        if (match == null || match.isBlank()) {
            throw new ConfigException("match", "is missing; expected '*', '@domain' or a user-part prefix");
        }
        if (to == null || to.isBlank()) {
            throw new ConfigException("to", "is missing; expected host:port or a SIP URI");
        }
    }
}
