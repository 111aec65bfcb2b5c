package io.osprey.sip.transport;

import io.osprey.sip.message.CallId;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.TelUri;
import io.osprey.sip.uri.Uri;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Run-time SIP message tracing: every message, or those of chosen users (matched on the user part or number of the
 * From and To URIs) or chosen Call-IDs, logged in full to the {@code osprey.trace} logger as they cross the wire.
 * Switched on and off while running (admin API); when nothing is traced the cost per message is one volatile read.
 */
public final class SipTrace {

    private static final Logger log = LoggerFactory.getLogger("osprey.trace");

    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final Set<String> callIds = ConcurrentHashMap.newKeySet();
    private volatile boolean all;
    private volatile boolean any;

    public void traceAll(boolean on) {
        all = on;
        refresh();
    }

    public void traceUser(String user) {
        users.add(user);
        refresh();
    }

    public void untraceUser(String user) {
        users.remove(user);
        refresh();
    }

    public void traceCallId(String callId) {
        callIds.add(callId);
        refresh();
    }

    public void untraceCallId(String callId) {
        callIds.remove(callId);
        refresh();
    }

    /** Stops all tracing. */
    public void clear() {
        all = false;
        users.clear();
        callIds.clear();
        refresh();
    }

    public boolean tracingAll() {
        return all;
    }

    public Set<String> users() {
        return Set.copyOf(users);
    }

    public Set<String> callIds() {
        return Set.copyOf(callIds);
    }

    private void refresh() {
        any = all || !users.isEmpty() || !callIds.isEmpty();
    }

    /** Whether {@code message} is traced now. */
    public boolean matches(SipMessage message) {
        if (!any) {
            return false;
        }
        if (all) {
            return true;
        }
        CallId callId = message.callId();
        if (callId != null && callIds.contains(callId.value())) {
            return true;
        }
        return !users.isEmpty() && (userMatches(message.from()) || userMatches(message.to()));
    }

    private boolean userMatches(NameAddress address) {
        if (address == null) {
            return false;
        }
        Uri uri = address.uri();
        String user = switch (uri) {
            case SipUri sip -> sip.user();
            case TelUri tel -> tel.number();
            default -> null;
        };
        return user != null && users.contains(user);
    }

    void inbound(InboundMessage message) {
        if (matches(message.message())) {
            log.info("<<< {} from {}\n{}", message.source().transport(), message.source().remote(), message.message());
        }
    }

    void outbound(SipMessage message, TransportProtocol transport, Object destination) {
        if (matches(message)) {
            log.info(">>> {} to {}\n{}", transport, destination, message);
        }
    }
}
