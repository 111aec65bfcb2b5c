package io.osprey.ue;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.transaction.ServerTransaction;
import io.osprey.sip.uri.Uri;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The UE's subscription to its own registration state (TS 24.229 §5.1.1.3, RFC 3680 §3, RFC 6665 §4.1): SUBSCRIBE
 * to the IMPU with {@code Event: reg} through the Service-Route; every NOTIFY of the subscription (which may arrive
 * before the 200) is answered 200 and its {@code application/reginfo+xml} body queued. A NOTIFY with
 * {@code Subscription-State: terminated} ends it. Lane-confined.
 */
final class RegEventSubscription {

    /** Subscription duration TS 24.229 §5.1.1.3 asks the UE to request: 600 000 seconds. */
    static final int EXPIRES = 600_000;
    private static final Logger log = LoggerFactory.getLogger(RegEventSubscription.class);

    private final UeCore core;
    private final String callId;
    private final String localTag = LocalEndpoint.newTag();
    private Dialog dialog;

    private RegEventSubscription(UeCore core) {
        this.core = core;
        this.callId = core.local.newCallId();
    }

    /** Sends the SUBSCRIBE; {@code result} gets its final status. On the lane. */
    static void subscribe(UeCore core, CompletableFuture<Integer> result) {
        RegEventSubscription subscription = new RegEventSubscription(core);
        core.subscriptions.put(subscription.callId, subscription);
        String impu = "<" + core.config.impu() + ">";
        SipRequest subscribe = core.outOfDialog("SUBSCRIBE", Uri.parse(core.config.impu()),
                        impu + ";tag=" + subscription.localTag, impu, subscription.callId, 1, true)
                .add("Event", "reg")
                .add("Accept", "application/reginfo+xml")
                .add("Expires", Integer.toString(EXPIRES))
                .add("Contact", core.local.contact())
                .add("Allow", UeCore.ALLOW)
                .build();
        RequestSender.send(core.layer(), subscribe, core.outboundHop(), response -> {
            int code = response.statusCode();
            if (code >= 200 && code < 300) {
                if (subscription.dialog == null) {
                    subscription.dialog = Dialog.asUac(subscribe, response);
                }
            } else {
                core.subscriptions.remove(subscription.callId, subscription);
            }
            UserFutures.complete(result, code);
        });
    }

    void onNotify(ServerTransaction transaction, SipRequest notify) {
        if (!localTag.equals(notify.to().tag())) {
            core.respond(transaction, notify, 481, "Subscription Does Not Exist");
            return;
        }
        if (dialog == null) {
            dialog = Dialog.asUas(notify, localTag); // RFC 6665 §4.1.2.4: a NOTIFY may create the dialog
        } else if (!dialog.acceptRemoteSeq(notify)) {
            core.respond(transaction, notify, 500, "CSeq Out Of Order");
            return;
        }
        transaction.respond(core.response(notify, 200, null, localTag).build());
        String body = new String(notify.bodyBytes(), StandardCharsets.UTF_8);
        if (!body.isEmpty() && !core.regNotifications.offer(body)) {
            log.warn("reg event queue full ({} items): dropping a NOTIFY body", UeCore.QUEUE_LIMIT);
        }
        String state = notify.header("Subscription-State");
        if (state != null && state.strip().toLowerCase(Locale.ROOT).startsWith("terminated")) {
            core.subscriptions.remove(callId, this);
        }
    }
}
