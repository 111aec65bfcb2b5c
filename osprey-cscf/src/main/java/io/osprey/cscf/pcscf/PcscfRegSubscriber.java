package io.osprey.cscf.pcscf;

import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.proxy.NextHops;
import io.osprey.sip.proxy.RoutingDecision;
import io.osprey.sip.regevent.ContactState;
import io.osprey.sip.regevent.RegInfo;
import io.osprey.sip.regevent.RegInfoXmlParser;
import io.osprey.sip.regevent.Registration;
import io.osprey.sip.regevent.RegistrationState;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.Source;
import io.osprey.sip.uri.SipUri;
import io.osprey.sip.uri.Uri;
import io.osprey.sip.uri.UriParser;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The P-CSCF's own subscription to each registered UE's reg event (TS 24.229 §5.2.3): after a successful
 * registration it SUBSCRIBEs along the Service-Route, and a NOTIFY saying the registration or the UE's contacts are
 * terminated (the network deregistered the user, e.g. after an RTR from the HSS) removes the UE from the P-CSCF's
 * cache at once, so the UE's next request is refused until it registers again.
 */
final class PcscfRegSubscriber {

    /** The user part of the Contact the P-CSCF subscribes with; NOTIFYs come back to it. */
    static final String CONTACT_USER = "regevent";
    private static final Logger LOG = LoggerFactory.getLogger(PcscfRegSubscriber.class);

    private final PcscfSettings settings;
    private final UeRegistrations registrations;
    /** Subscriptions by Call-ID: the UE they are for. */
    private final Map<String, Subscription> byCallId = new ConcurrentHashMap<>();
    /** The Call-ID of the subscription for each UE address: one subscription per UE, found without a scan. */
    private final Map<Source, String> callIdBySource = new ConcurrentHashMap<>();
    private volatile TransactionLayer layer;
    private volatile NextHops nextHops;

    private record Subscription(String fromTag, UeRegistration ue) {
    }

    PcscfRegSubscriber(PcscfSettings settings, UeRegistrations registrations) {
        this.settings = settings;
        this.registrations = registrations;
    }

    void bind(TransactionLayer transactionLayer, NextHops hops) {
        this.nextHops = hops;
        this.layer = transactionLayer;
    }

    /** Whether {@code request} is a NOTIFY sent to the P-CSCF's own subscription contact. */
    boolean isOurNotify(SipRequest request) {
        return "NOTIFY".equals(request.method()) && request.requestUri() instanceof SipUri uri
                && CONTACT_USER.equals(uri.user()) && uri.host().equalsIgnoreCase(settings.host());
    }

    /** Whether {@link #bind} has run: SUBSCRIBEs can be sent. */
    boolean bound() {
        return layer != null;
    }

    /**
     * Subscribes to the reg event of the UE's default identity, unless a subscription for it is running along the
     * same Service-Route. A registration with another Service-Route was taken by another S-CSCF (the I-CSCF chose
     * it when the first stopped answering, TS 24.229 §5.3.1.3): the subscription moves there, and the old one is
     * forgotten, so that the old S-CSCF's NOTIFY about the registration it lost is answered 481 (which ends that
     * subscription, RFC 6665 §4.1.3) instead of removing the UE the new S-CSCF serves.
     */
    void subscribe(UeRegistration ue) {
        TransactionLayer transactions = layer;
        if (transactions == null || ue.serviceRoute().isEmpty()) {
            return;
        }
        String running = callIdBySource.get(ue.source());
        if (running != null) {
            Subscription current = byCallId.get(running);
            if (current == null || current.ue().serviceRoute().equals(ue.serviceRoute())) {
                return; // a re-registration keeps the subscription it has; no Call-ID is made for it
            }
            end(running);
        }
        String callId = newTag() + "@" + settings.host();
        if (callIdBySource.putIfAbsent(ue.source(), callId) != null) {
            return;
        }
        String fromTag = newTag();
        byCallId.put(callId, new Subscription(fromTag, ue));
        transactions.execute(callId, () -> send(transactions, callId, fromTag, ue));
    }

    /** Forgets the subscription of {@code callId}: it failed or ended. */
    private void end(String callId) {
        Subscription ended = byCallId.remove(callId);
        if (ended != null) {
            callIdBySource.remove(ended.ue().source(), callId);
        }
    }

    /** Number of reg-event subscriptions the P-CSCF holds or is setting up. */
    int size() {
        return byCallId.size();
    }

    private void send(TransactionLayer transactions, String callId, String fromTag, UeRegistration ue) {
        Uri first = NameAddress.parse(ue.serviceRoute().get(0)).uri();
        Hop hop = nextHops.resolve(first);
        if (hop == null) {
            end(callId);
            return;
        }
        String impu = ue.associatedUris().get(0);
        String self = "sip:" + CONTACT_USER + "@" + settings.host() + ":" + settings.port();
        SipRequest.Builder subscribe = SipRequest.builder("SUBSCRIBE", UriParser.parse(impu))
                .add("Via", "SIP/2.0/" + hop.transport().viaName() + " " + settings.host() + ":" + settings.port()
                        + ";branch=z9hG4bK" + newTag())
                .add("Max-Forwards", "70");
        for (String route : ue.serviceRoute()) {
            subscribe.add("Route", route);
        }
        subscribe.add("From", "<" + self + ">;tag=" + fromTag)
                .add("To", "<" + impu + ">")
                .add("Call-ID", callId)
                .add("CSeq", "1 SUBSCRIBE")
                .add("Contact", "<" + self + ">")
                .add("P-Asserted-Identity", "<" + self + ">")
                .add("Event", "reg")
                .add("Expires", "600000");
        transactions.sendRequest(subscribe.build(), hop, new ClientTransactionListener() {
            @Override
            public void onResponse(ClientTransaction transaction, SipResponse response) {
                if (response.statusCode() >= 300) {
                    LOG.info("reg-event SUBSCRIBE for {} refused: {}", impu, response.statusCode());
                    end(callId);
                }
            }

            @Override
            public void onTimeout(ClientTransaction transaction) {
                end(callId);
            }

            @Override
            public void onTransportError(ClientTransaction transaction, Throwable cause) {
                end(callId);
            }
        });
    }

    /** Answers a NOTIFY of one of our subscriptions and applies what it says (RFC 3680 §5.4, full state). */
    RoutingDecision onNotify(SipRequest notify) {
        Subscription subscription = byCallId.get(notify.callId().value());
        if (subscription == null || notify.to() == null || !subscription.fromTag().equals(notify.to().tag())) {
            return new RoutingDecision.Answer(SipResponse.forRequest(notify, 481, "Subscription Does Not Exist")
                    .toTag(newTag()).build());
        }
        String state = notify.header("Subscription-State");
        boolean terminated = state != null && state.trim().toLowerCase(java.util.Locale.ROOT).startsWith("terminated");
        if (notify.contentLength() > 0) {
            try {
                RegInfo info = RegInfoXmlParser.parse(notify.bodyBytes());
                if (ended(info, subscription.ue())) {
                    registrations.remove(subscription.ue().source());
                    terminated = true;
                }
            } catch (RuntimeException malformed) {
                LOG.info("unreadable reginfo in NOTIFY {}: {}", notify.callId(), malformed.getMessage());
            }
        }
        if (terminated) {
            end(notify.callId().value());
        }
        return new RoutingDecision.Answer(SipResponse.forRequest(notify, 200, "OK").build());
    }

    /** Whether the document ends the UE's registration: its identity terminated, or none of its contacts active. */
    private static boolean ended(RegInfo info, UeRegistration ue) {
        String impu = ue.associatedUris().get(0);
        for (Registration registration : info.registrations()) {
            if (!registration.aor().equalsIgnoreCase(impu)) {
                continue;
            }
            if (registration.state() == RegistrationState.TERMINATED) {
                return true;
            }
            return registration.contacts().stream().noneMatch(contact -> contact.state() == ContactState.ACTIVE
                    && ue.contacts().contains(contact.uri()));
        }
        return false;
    }

    private static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    }
}
