package io.osprey.sip.proxy;

import io.osprey.sip.message.SipResponse;
import io.osprey.sip.transaction.ClientTransaction;
import io.osprey.sip.transaction.ClientTransactionListener;

/** Responses to a proxy's own CANCEL carry nothing the proxy acts on (RFC 3261 §9.1); the 487 comes on the INVITE. */
enum CancelListener implements ClientTransactionListener {
    INSTANCE;

    @Override
    public void onResponse(ClientTransaction transaction, SipResponse response) {
    }

    @Override
    public void onTimeout(ClientTransaction transaction) {
    }

    @Override
    public void onTransportError(ClientTransaction transaction, Throwable cause) {
    }
}
