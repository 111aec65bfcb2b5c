package io.osprey.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.sip.transaction.TransactionLayer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@link TransactionLayer#executeSoon}: a continuation (a Diameter answer) runs on the thread that completed it when
 * the call's lane is idle, and behind the lane's work, on the lane's thread, when it is not (decision 0015).
 */
class SipStackContinuationTest {

    private final RecordingUser user = new RecordingUser();
    private SipStack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void continuationRunsOnTheCompletingThreadWhenTheLaneIsIdle() throws Exception {
        stack = LoopbackStack.start(16, 2.0, user);
        TransactionLayer layer = stack.transactions();
        Thread[] ranOn = new Thread[1];

        layer.executeSoon("idle-call", () -> ranOn[0] = Thread.currentThread());

        assertThat(ranOn[0]).isSameAs(Thread.currentThread());
        assertThat(stack.continuationsRunInPlace()).isEqualTo(1);
    }

    @Test
    void continuationQueuesBehindWorkTheLaneIsRunning() throws Exception {
        stack = LoopbackStack.start(16, 2.0, user);
        TransactionLayer layer = stack.transactions();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StringBuffer order = new StringBuffer();
        layer.execute("busy-call", () -> {
            running.countDown();
            await(release);
            order.append("earlier;");
        });
        assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<String> ranOn = new CompletableFuture<>();
        layer.executeSoon("busy-call", () -> {
            order.append("continuation;");
            ranOn.complete(Thread.currentThread().getName());
        });
        assertThat(ranOn).as("not run in place while the lane is busy").isNotDone();
        release.countDown();

        assertThat(ranOn.get(5, TimeUnit.SECONDS)).startsWith("sip-lane");
        assertThat(order.toString()).isEqualTo("earlier;continuation;");
        assertThat(stack.continuationsRunInPlace()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
