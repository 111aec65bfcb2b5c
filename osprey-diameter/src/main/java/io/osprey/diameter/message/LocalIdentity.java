package io.osprey.diameter.message;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * This node's Diameter identity (RFC 6733 §6.3, §6.4): Origin-Host and Origin-Realm, with the Session-Id and
 * End-to-End Identifier generators that belong to it. Builders take their origin AVPs from here.
 */
public final class LocalIdentity {

    private final String originHost;
    private final String originRealm;
    private final SessionIdGenerator sessionIds;
    private final EndToEndIdGenerator endToEndIds;

    public LocalIdentity(String originHost, String originRealm, SessionIdGenerator sessionIds,
                         EndToEndIdGenerator endToEndIds) {
        if (!AvpData.isValidDiameterIdentity(originHost)) {
            throw new IllegalArgumentException("Origin-Host must be a non-empty ASCII FQDN, was '" + originHost + "'");
        }
        if (!AvpData.isValidDiameterIdentity(originRealm)) {
            throw new IllegalArgumentException("Origin-Realm must be a non-empty ASCII realm, was '" + originRealm + "'");
        }
        this.originHost = originHost;
        this.originRealm = originRealm;
        this.sessionIds = Objects.requireNonNull(sessionIds, "sessionIds");
        this.endToEndIds = Objects.requireNonNull(endToEndIds, "endToEndIds");
    }

    /** An identity whose generators are seeded from {@code now} and a random number. */
    public static LocalIdentity of(String originHost, String originRealm, Instant now) {
        return new LocalIdentity(originHost, originRealm, SessionIdGenerator.startingAt(originHost, now),
                new EndToEndIdGenerator(now, ThreadLocalRandom.current().nextInt()));
    }

    public String originHost() {
        return originHost;
    }

    public String originRealm() {
        return originRealm;
    }

    public String newSessionId() {
        return sessionIds.next();
    }

    public EndToEndId nextEndToEndId() {
        return endToEndIds.next();
    }

    @Override
    public String toString() {
        return originHost + "@" + originRealm;
    }
}
