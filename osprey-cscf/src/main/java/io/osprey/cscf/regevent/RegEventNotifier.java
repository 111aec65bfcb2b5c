package io.osprey.cscf.regevent;

import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.registrar.RegistrationEvents;
import io.osprey.cscf.sip.Identities;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.regevent.ContactEvent;
import io.osprey.sip.regevent.RegInfo;
import io.osprey.sip.regevent.RegInfoXmlWriter;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The S-CSCF's notifier for the reg event package (RFC 3680, TS 24.229 §5.4.2.1): a SUBSCRIBE for a registered
 * identity from the UE, its P-CSCF or an AS of its iFCs ({@link RegEventWatchers}; anyone else gets 403) is
 * answered 200 and followed by a NOTIFY with the full state; every
 * change of the registration (a contact registered, refreshed, removed, expired, or the registration ended by the
 * network after an RTR) sends a NOTIFY to every subscriber; when the registration ends the NOTIFY also ends the
 * subscription ({@code Subscription-State: terminated}, RFC 6665 §4.2.2).
 */
public final class RegEventNotifier implements RegistrationEvents {

    private static final long DEFAULT_EXPIRES = 600_000;

    private final String host;
    private final int port;
    private final RegistrationTable table;
    private final Clock clock;
    private final Map<String, List<RegSubscription>> byImpu = new ConcurrentHashMap<>();
    private volatile TransactionLayer layer;
    private volatile NextHops nextHops;

    public RegEventNotifier(String host, int port, RegistrationTable table, Clock clock) {
        this.host = host;
        this.port = port;
        this.table = table;
        this.clock = clock;
    }

    /** Connects the notifier to the transaction layer NOTIFYs go out through, once the SIP stack runs. */
    public void bind(TransactionLayer transactionLayer, NextHops hops) {
        this.nextHops = hops;
        this.layer = transactionLayer;
    }

    /** Whether {@code request} is a SUBSCRIBE for the reg event package. */
    public static boolean isRegSubscribe(SipRequest request) {
        if (!"SUBSCRIBE".equals(request.method())) {
            return false;
        }
        String event = request.header("Event");
        if (event == null) {
            return false;
        }
        int semicolon = event.indexOf(';');
        return (semicolon < 0 ? event : event.substring(0, semicolon)).trim().equalsIgnoreCase("reg");
    }

    /** Answers a reg-event SUBSCRIBE, initial or refreshing; the first or final NOTIFY follows on the lane. */
    public RoutingDecision subscribe(SipRequest subscribe) {
        long now = clock.millis();
        long expires = subscribe.expires() < 0 ? DEFAULT_EXPIRES : Math.min(subscribe.expires(), DEFAULT_EXPIRES);
        RegSubscription existing = find(subscribe);
        if (subscribe.to() != null && subscribe.to().tag() != null && existing == null) {
            return reject(subscribe, 481, "Subscription Does Not Exist", "no such reg-event subscription");
        }
        RegSubscription subscription = existing;
        if (subscription == null) {
            String impu = Identities.publicIdentity(subscribe.requestUri());
            Registration watched = impu == null ? null : table.find(impu).orElse(null);
            if (watched == null) {
                return reject(subscribe, 480, "Temporarily Unavailable", "the identity is not registered here");
            }
            if (!RegEventWatchers.mayWatch(subscribe, watched)) {
                return reject(subscribe, 403, "Forbidden", "the asserted identity may not watch this registration");
            }
            List<NameAddress> contacts = subscribe.contacts();
            if (contacts.isEmpty() || subscribe.from() == null || subscribe.from().tag() == null) {
                return reject(subscribe, 400, "Bad Request", "SUBSCRIBE needs a Contact and a From tag");
            }
            subscription = new RegSubscription(impu, subscribe.callId().value(), newTag(),
                    subscribe.from().tag(), subscribe.requestUri().toString(), subscribe.from().uri().toString(),
                    contacts.get(0).uri().toString(), subscribe.headers("Record-Route"), now + expires * 1000);
            if (expires > 0) {
                byImpu.computeIfAbsent(impu, key -> new CopyOnWriteArrayList<>()).add(subscription);
            }
        } else {
            subscription.refresh(now + expires * 1000);
        }
        SipResponse.Builder ok = SipResponse.forRequest(subscribe, 200, "OK").toTag(subscription.localTag)
                .add("Expires", Long.toString(expires))
                .add("Contact", "<sip:" + host + ":" + port + ">");
        for (String recordRoute : subscribe.headers("Record-Route")) {
            ok.add("Record-Route", recordRoute);
        }
        RegSubscription current = subscription;
        Registration registration = table.find(subscription.impu).orElse(null);
        if (expires == 0) {
            remove(current);
            sendLater(current, RegInfoBuilder.fullState(current.nextVersion(), registration, registration, null, now),
                    "terminated;reason=timeout");
        } else {
            sendLater(current, RegInfoBuilder.fullState(current.nextVersion(), null, registration, null, now),
                    "active;expires=" + expires);
        }
        return new RoutingDecision.Answer(ok.build());
    }

    @Override
    public void changed(Registration before, Registration after, String impu, ContactEvent removal) {
        Registration any = after != null ? after : before;
        if (any == null) {
            return;
        }
        long now = clock.millis();
        boolean ended = after == null || after.liveBindings(now).isEmpty();
        for (String identity : any.implicitSet()) {
            for (RegSubscription subscription : byImpu.getOrDefault(identity, List.of())) {
                RegInfo info = RegInfoBuilder.fullState(subscription.nextVersion(), before, after, removal, now);
                if (ended) {
                    remove(subscription);
                    String reason = removal == ContactEvent.DEACTIVATED ? "deactivated" : "noresource";
                    sendLater(subscription, info, "terminated;reason=" + reason);
                } else {
                    sendLater(subscription, info, "active;expires="
                            + Math.max(0, (subscription.expiresAtMillis() - now) / 1000));
                }
            }
        }
    }

    /** Drops subscriptions past their expiry (RFC 6665 §4.2.2: they end without a NOTIFY being required). */
    public void expire() {
        long now = clock.millis();
        for (List<RegSubscription> subscriptions : byImpu.values()) {
            subscriptions.removeIf(subscription -> subscription.expiresAtMillis() <= now);
        }
        byImpu.values().removeIf(List::isEmpty);
    }

    /** Number of live subscriptions. */
    public int size() {
        return byImpu.values().stream().mapToInt(List::size).sum();
    }

    /** Every live subscription, e.g. for a {@link RegSubscriptionSnapshot} when the S-CSCF stops. */
    public List<RegSubscription> all() {
        List<RegSubscription> all = new ArrayList<>();
        byImpu.values().forEach(all::addAll);
        return all;
    }

    /** Takes back subscriptions kept across a restart (before the SIP stack runs, like the registrations). */
    public void restore(List<RegSubscription> subscriptions) {
        for (RegSubscription subscription : subscriptions) {
            byImpu.computeIfAbsent(subscription.impu, key -> new CopyOnWriteArrayList<>()).add(subscription);
        }
    }

    private RegSubscription find(SipRequest subscribe) {
        if (subscribe.to() == null || subscribe.to().tag() == null || subscribe.from() == null) {
            return null;
        }
        for (List<RegSubscription> subscriptions : byImpu.values()) {
            for (RegSubscription subscription : subscriptions) {
                if (subscription.matches(subscribe.callId().value(), subscribe.from().tag(), subscribe.to().tag())) {
                    return subscription;
                }
            }
        }
        return null;
    }

    private void remove(RegSubscription subscription) {
        List<RegSubscription> subscriptions = byImpu.get(subscription.impu);
        if (subscriptions != null) {
            subscriptions.remove(subscription);
        }
    }

    /** Sends a NOTIFY in the subscription's dialog, on its lane (after a 200 being sent there now). */
    private void sendLater(RegSubscription subscription, RegInfo info, String subscriptionState) {
        TransactionLayer transactions = layer;
        if (transactions == null) {
            return;
        }
        byte[] body = RegInfoXmlWriter.writeBytes(info);
        transactions.execute(subscription.callId, () -> send(transactions, subscription, body, subscriptionState));
    }

    private void send(TransactionLayer transactions, RegSubscription subscription, byte[] body, String state) {
        Uri target = UriParser.parse(subscription.remoteTarget);
        Uri first = subscription.routeSet.isEmpty() ? target : NameAddress.parse(subscription.routeSet.get(0)).uri();
        Hop hop = nextHops.resolve(first);
        if (hop == null) {
            remove(subscription);
            return;
        }
        SipRequest.Builder notify = SipRequest.builder("NOTIFY", target)
                .add("Via", "SIP/2.0/" + hop.transport().viaName() + " " + host + ":" + port + ";branch=z9hG4bK"
                        + newTag())
                .add("Max-Forwards", "70");
        for (String route : subscription.routeSet) {
            notify.add("Route", route);
        }
        notify.add("From", "<" + subscription.watched + ">;tag=" + subscription.localTag)
                .add("To", "<" + subscription.subscriber + ">;tag=" + subscription.remoteTag)
                .add("Call-ID", subscription.callId)
                .add("CSeq", subscription.nextCseq() + " NOTIFY")
                .add("Contact", "<sip:" + host + ":" + port + ">")
                .add("Event", "reg")
                .add("Subscription-State", state)
                .body(RegInfo.CONTENT_TYPE, body);
        transactions.sendRequest(notify.build(), hop, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction transaction, SipResponse response) {
                int code = response.statusCode();
                if (code == 481 || code == 404 || code == 410 || (code >= 400 && code != 408 && code < 500)) {
                    remove(subscription); // RFC 6665 §4.2.2: the subscriber is gone
                }
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                remove(subscription);
            }

            @Override
            public void onTransportError(ClientTransaction transaction, Throwable cause) {
                remove(subscription);
            }
        });
    }

    private RoutingDecision reject(SipRequest request, int code, String reason, String warning) {
        return new RoutingDecision.Answer(SipResponse.forRequest(request, code, reason).toTag(newTag())
                .add("Warning", "399 " + host + " \"" + warning + "\"").build());
    }

    private static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
