package io.osprey.cscf.scscf;

import io.osprey.hss.model.SessionCase;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Where iFC evaluation stands for requests sent to an application server (TS 24.229 §5.4.3.2 step 4, §5.4.3.3):
 * the S-CSCF adds a Route to itself with an {@code odi} token, and when the request comes back with it, evaluation
 * continues after the iFC that sent it out. Tokens are single-use and expire; the table is bounded.
 */
final class IscContexts {

    record IscContext(String servedUser, SessionCase sessionCase, int nextFilter, long createdAtMillis) {
    }

    private final Map<String, IscContext> byToken = new ConcurrentHashMap<>();
    private final long lifetimeMillis;
    private final int capacity;

    IscContexts(long lifetimeMillis, int capacity) {
        this.lifetimeMillis = lifetimeMillis;
        this.capacity = capacity;
    }

    /** Stores {@code context} and returns its token; null when the table is full of live contexts. */
    String put(IscContext context) {
        if (byToken.size() >= capacity) {
            expire(context.createdAtMillis());
            if (byToken.size() >= capacity) {
                return null;
            }
        }
        String token = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
        byToken.put(token, context);
        return token;
    }

    IscContext take(String token) {
        return token == null ? null : byToken.remove(token);
    }

    void expire(long nowMillis) {
        Iterator<IscContext> it = byToken.values().iterator();
        while (it.hasNext()) {
            if (nowMillis - it.next().createdAtMillis() > lifetimeMillis) {
                it.remove();
            }
        }
    }
}
