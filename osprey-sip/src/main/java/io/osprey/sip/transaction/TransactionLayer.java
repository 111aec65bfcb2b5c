package io.osprey.sip.transaction;

import io.osprey.common.time.Scheduler;
import io.osprey.sip.message.SipMessage;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipResponse;
import io.osprey.sip.message.Via;
import io.osprey.sip.transport.Hop;
import io.osprey.sip.transport.InboundMessage;
import io.osprey.sip.transport.MessageSender;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The transaction layer of RFC 3261 §17: matches incoming messages to transactions (§17.1.3, §17.2.3), creates
 * server transactions for new requests, and starts client transactions for the TU.
 *
 * <p>{@link #receive} must be called on the lane of the message's Call-ID; each transaction lives on that lane.
 * The table itself is shared by all lanes.
 */
public final class TransactionLayer {

    private final TransactionConfig config;
    private final Scheduler scheduler;
    private final MessageSender sender;
    private final LaneDispatcher lanes;
    private final TransactionUser user;
    private final Map<TransactionKey, Transaction> transactions = new ConcurrentHashMap<>();

    public TransactionLayer(TransactionConfig config, Scheduler scheduler, MessageSender sender, LaneDispatcher lanes,
                            TransactionUser user) {
        this.config = config;
        this.scheduler = scheduler;
        this.sender = sender;
        this.lanes = lanes;
        this.user = user;
    }

    /** Handles a message from the transport; call on the Call-ID's lane. */
    public void receive(InboundMessage inbound) {
        SipMessage message = inbound.message();
        if (message instanceof SipRequest request) {
            receiveRequest(request, inbound);
        } else if (message instanceof SipResponse response) {
            Transaction match = transactions.get(TransactionKey.forResponse(response));
            if (match instanceof ClientTransaction client) {
                client.receive(response);
            } else {
                user.onStrayResponse(inbound);
            }
        }
    }

    private void receiveRequest(SipRequest request, InboundMessage inbound) {
        TransactionKey key = TransactionKey.forServerRequest(request);
        Transaction match = transactions.get(key);
        if (match instanceof ServerTransaction server) {
            server.receive(request);
            return;
        }
        if ("ACK".equals(request.method())) {
            user.onAck(inbound); // ACK for a 2xx: its own transaction-less path (§17.2.1)
            return;
        }
        ServerTransaction created;
        if ("INVITE".equals(request.method())) {
            InviteServerTransaction invite = new InviteServerTransaction(this, key, request, inbound.source());
            transactions.put(key, invite);
            invite.start();
            created = invite;
        } else {
            created = new NonInviteServerTransaction(this, key, request, inbound.source());
            transactions.put(key, created);
        }
        user.onRequest(created, inbound);
    }

    /**
     * Starts a client transaction for {@code request}, whose top Via must already carry a unique branch.
     * Call on the request's Call-ID lane. ACK is not a transaction: use {@link #sendAck}.
     */
    public ClientTransaction sendRequest(SipRequest request, Hop hop, ClientTransactionListener listener) {
        if ("ACK".equals(request.method())) {
            throw new IllegalArgumentException("ACK has no client transaction; use sendAck");
        }
        ClientTransaction transaction = "INVITE".equals(request.method())
                ? new InviteClientTransaction(this, request, hop, listener)
                : new NonInviteClientTransaction(this, request, hop, listener);
        Transaction previous = transactions.putIfAbsent(transaction.key(), transaction);
        if (previous != null) {
            throw new IllegalStateException("branch " + transaction.key().branch() + " is already in use");
        }
        transaction.start();
        return transaction;
    }

    /** Sends an ACK for a 2xx, or any message that travels without a transaction. */
    public void sendAck(SipRequest ack, Hop hop) {
        sender.sendRequest(ack, hop, cause -> { });
    }

    /**
     * Whether {@code request} is a retransmission of one a server transaction already holds. Safe from any thread
     * (an I/O thread asks before it refuses a request for load: a retransmission costs little and must reach its
     * transaction). Only RFC 3261 branches are matched here.
     */
    public boolean matchesServerTransaction(SipRequest request) {
        Via top = request.topVia();
        if (top == null || top.branch() == null || !top.branch().value().startsWith(TransactionKey.MAGIC_COOKIE)) {
            return false;
        }
        return transactions.get(TransactionKey.forServerRequest(request)) instanceof ServerTransaction;
    }

    /** The INVITE server transaction a CANCEL targets (RFC 3261 §9.2), or null. */
    public InviteServerTransaction inviteTransactionFor(SipRequest cancel) {
        return transactions.get(TransactionKey.inviteKeyForCancel(cancel)) instanceof InviteServerTransaction invite
                ? invite : null;
    }

    /**
     * Runs {@code task} on the lane of {@code callId} after {@code delay}: for TU timers such as a proxy's timer C
     * (RFC 3261 §16.8), which must run where the call's state lives.
     */
    public Scheduler.Timer schedule(String callId, Duration delay, Runnable task) {
        return scheduler.schedule(delay, () -> {
            if (lanes.isCurrent(callId)) {
                task.run();
            } else {
                lanes.execute(callId, task);
            }
        });
    }

    /**
     * Runs {@code task} on the lane of {@code callId}: how work finishing on another thread (a Diameter answer, a
     * database read) comes back to where the call's state lives.
     */
    public void execute(String callId, Runnable task) {
        lanes.execute(callId, task);
    }

    /** As {@link LaneDispatcher#executeSoon}: {@code task} may run on the calling thread before this returns. */
    public void executeSoon(String callId, Runnable task) {
        lanes.executeSoon(callId, task);
    }

    /** Number of live transactions, client and server. */
    public int size() {
        return transactions.size();
    }

    /**
     * Number of transactions still waiting for a final response (client: Calling/Trying/Proceeding; server:
     * Trying/Proceeding). Those in Completed, Confirmed or Accepted only absorb retransmissions. Read from any
     * thread; an estimate while messages are moving.
     */
    public int unfinished() {
        int count = 0;
        for (Transaction transaction : transactions.values()) {
            if (awaitsFinal(transaction)) {
                count++;
            }
        }
        return count;
    }

    private static boolean awaitsFinal(Transaction transaction) {
        if (transaction instanceof InviteClientTransaction invite) {
            return invite.state() == InviteClientTransactionState.CALLING
                    || invite.state() == InviteClientTransactionState.PROCEEDING;
        }
        if (transaction instanceof InviteServerTransaction invite) {
            return invite.state() == InviteServerTransactionState.PROCEEDING;
        }
        if (transaction instanceof NonInviteClientTransaction request) {
            return request.state() == NonInviteClientTransactionState.TRYING
                    || request.state() == NonInviteClientTransactionState.PROCEEDING;
        }
        NonInviteServerTransaction request = (NonInviteServerTransaction) transaction;
        return request.state() == NonInviteServerTransactionState.TRYING
                || request.state() == NonInviteServerTransactionState.PROCEEDING;
    }

    void remove(Transaction transaction) {
        transactions.remove(transaction.key(), transaction);
    }

    TransactionConfig config() {
        return config;
    }

    /** The T1/T2/T4 timer values this layer runs with. */
    public TransactionConfig timers() {
        return config;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    MessageSender sender() {
        return sender;
    }

    LaneDispatcher lanes() {
        return lanes;
    }

    TransactionUser user() {
        return user;
    }
}
