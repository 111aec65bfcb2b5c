package io.osprey.ue;

import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;
import io.osprey.sip.transaction.TransactionLayer;
import io.osprey.sip.transport.Hop;
import java.util.function.Consumer;

/**
 * Sends a non-INVITE request in a client transaction and reports exactly one final response. A timeout (timer F)
 * is reported as a 408 and a transport failure as a 503, which is how RFC 3261 §8.1.3.1 tells the TU to treat
 * them; the synthesized responses carry a reason phrase saying so.
 */
final class RequestSender implements ClientTransactionListener {

    private final SipRequest request;
    private final Consumer<SipResponse> onFinal;
    private boolean done;

    private RequestSender(SipRequest request, Consumer<SipResponse> onFinal) {
        this.request = request;
        this.onFinal = onFinal;
    }

    /** Sends {@code request} to {@code hop}; call on the lane. {@code onFinal} runs on the lane. */
    static void send(TransactionLayer layer, SipRequest request, Hop hop, Consumer<SipResponse> onFinal) {
        layer.sendRequest(request, hop, new RequestSender(request, onFinal));
    }

    /** A response the UE makes up for {@code request} when none arrived (RFC 3261 §8.1.3.1). */
    static SipResponse synthesized(SipRequest request, int code, String reason) {
        return SipResponse.forRequest(request, code, reason).build();
    }

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
        if (response.statusCode() >= 200) {
            finish(response);
        }
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
        finish(synthesized(request, 408, "Request Timeout (no response, timer F)"));
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
        finish(synthesized(request, 503, "Service Unavailable (transport error: " + oneLine(cause) + ")"));
    }

    static String oneLine(Throwable cause) {
        String text = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    private void finish(SipResponse response) {
        if (!done) {
            done = true;
            onFinal.accept(response);
        }
    }
}
