package io.osprey.hss;

import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.diameter.message.LocalIdentity;
import io.osprey.diameter.node.RequestHandler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bounds the requests an HSS node serves at once. Every Cx and Sh request holds a permit from its arrival until
 * its answer is ready; a request past the bound is answered at once, on the I/O thread, with Result-Code
 * DIAMETER_TOO_BUSY (RFC 6733 §7.1.3, a protocol error, so the answer has the 'E' bit set), which tells the
 * client to try another HSS, instead of queueing store work without limit.
 */
final class AdmissionControl {

    private final int limit;
    private final LocalIdentity local;
    private final AtomicInteger outstanding = new AtomicInteger();
    private final LongAdder refused = new LongAdder();

    AdmissionControl(int limit, LocalIdentity local) {
        if (limit < 1) {
            throw new IllegalArgumentException("maxOutstandingRequests must be at least 1, was " + limit);
        }
        this.limit = limit;
        this.local = local;
    }

    /** {@code handler}, behind this bound. */
    RequestHandler admit(RequestHandler handler) {
        return request -> {
            if (outstanding.incrementAndGet() > limit) {
                outstanding.decrementAndGet();
                refused.increment();
                return CompletableFuture.completedFuture(DiameterMessage.answerTo(request, local)
                        .result(ResultCodes.DIAMETER_TOO_BUSY)
                        .errorMessage("the HSS is serving " + limit + " requests, its limit").build());
            }
            CompletableFuture<DiameterMessage> answer;
            try {
                answer = handler.handle(request);
            } catch (RuntimeException | Error e) {
                outstanding.decrementAndGet();
                throw e;
            }
            if (answer == null) {
                outstanding.decrementAndGet();
                return null;
            }
            // The permit goes back before the answer can be sent: the node sends it from a stage of the future
            // returned here, which completes only after this one has run.
            return answer.whenComplete((done, failure) -> outstanding.decrementAndGet());
        };
    }

    int outstanding() {
        return outstanding.get();
    }

    long refused() {
        return refused.sum();
    }
}
