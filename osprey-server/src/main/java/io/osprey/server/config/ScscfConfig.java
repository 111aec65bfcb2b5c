package io.osprey.server.config;

import io.osprey.cscf.scscf.ScscfSettings;
import java.time.Duration;

/**
 * The S-CSCF role.
 *
 * @param listen              address to bind, default 127.0.0.1
 * @param port                UDP and TCP port, default 6060
 * @param terminatingViaIcscf send requests for home users through the I-CSCF (LIR), default true; false serves
 *                            them from this S-CSCF's own registrations
 * @param defaultExpires      registration time when the UE asks none, default 3600 s
 * @param minExpires          shorter requests get 423, default 60 s
 * @param maxExpires          longer requests are shortened, default 600000 s (TS 24.229's UE default)
 * @param countryCode         the home country code that national numbers are completed with, default 1
 * @param stateFile           where registrations are kept across restarts, default data/scscf-registrations.txt
 * @param noAnswerTimeout     how long a call to a registered user may ring before the caller gets 480 with a
 *                            Warning saying no one answered, and the ringing contacts get CANCEL; default 60 s
 * @param name                its host name, in its Server-Name (sip:name:port), Service-Route, Record-Route and
 *                            Diameter identity; default scscf.&lt;home domain&gt;. A second S-CSCF of one home
 *                            network needs another name (and the I-CSCF lists both under icscf.scscfs)
 */
public record ScscfConfig(String listen, Integer port, Boolean terminatingViaIcscf, Duration defaultExpires,
                          Duration minExpires, Duration maxExpires, String countryCode, java.nio.file.Path stateFile,
                          Duration noAnswerTimeout, String name) {

    public ScscfConfig {
        listen = ConfigChecks.address("listen", listen == null ? "127.0.0.1" : listen);
        port = ConfigChecks.range("port", port == null ? 6060 : port, 1, 65535);
        terminatingViaIcscf = terminatingViaIcscf == null || terminatingViaIcscf;
        defaultExpires = ConfigChecks.positive("default-expires",
                defaultExpires == null ? Duration.ofSeconds(3600) : defaultExpires);
        minExpires = ConfigChecks.positive("min-expires", minExpires == null ? Duration.ofSeconds(60) : minExpires);
        maxExpires = ConfigChecks.positive("max-expires",
                maxExpires == null ? Duration.ofSeconds(600_000) : maxExpires);
        stateFile = stateFile == null ? java.nio.file.Path.of("data", "scscf-registrations.txt") : stateFile;
        noAnswerTimeout = ConfigChecks.positive("no-answer-timeout",
                noAnswerTimeout == null ? ScscfSettings.DEFAULT_NO_ANSWER_TIMEOUT : noAnswerTimeout);
        name = name == null ? null : ConfigChecks.hostname("name", name.trim());
        countryCode = countryCode == null ? "1" : countryCode.trim();
        if (countryCode.isEmpty() || countryCode.length() > 3 || !countryCode.chars().allMatch(Character::isDigit)) {
            throw new ConfigException("country-code", "'" + countryCode + "' is not 1 to 3 digits");
        }
        if (minExpires.compareTo(maxExpires) > 0) {
            throw new ConfigException("min-expires", "must not exceed max-expires");
        }
    }

    static ScscfConfig defaults() {
        return new ScscfConfig(null, null, null, null, null, null, null, null, null, null);
    }
}
