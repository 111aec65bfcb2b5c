package io.osprey.diameter.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class HandlerDeadlinesTest {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final HandlerDeadlines deadlines = new HandlerDeadlines(Duration.ofSeconds(4));

    @Test
    void anAnswerStillOwedAtItsDeadlineFailsWithATimeout() {
        CompletableFuture<String> owed = new CompletableFuture<>();
        deadlines.watch(owed, 0);

        deadlines.expire(4 * SECOND - 1);
        assertThat(owed).isNotDone();
        deadlines.expire(4 * SECOND);

        assertThat(owed).isCompletedExceptionally();
        assertThat(owed.exceptionNow()).isInstanceOf(TimeoutException.class).hasMessageContaining("4000 ms");
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void answersGivenInTimeAreDroppedWithoutBeingTouched() {
        CompletableFuture<String> first = new CompletableFuture<>();
        CompletableFuture<String> second = new CompletableFuture<>();
        deadlines.watch(first, 0);
        deadlines.watch(second, SECOND);
        first.complete("answer");
        second.complete("answer");

        deadlines.expire(2 * SECOND);

        assertThat(deadlines.size()).isZero();
        assertThat(first).isCompletedWithValue("answer");
        assertThat(second).isCompletedWithValue("answer");
    }

    @Test
    void onlyThoseWhoseDeadlinePassedFailAndTheRestWait() {
        CompletableFuture<String> early = new CompletableFuture<>();
        CompletableFuture<String> late = new CompletableFuture<>();
        deadlines.watch(early, 0);
        deadlines.watch(late, 2 * SECOND);

        deadlines.expire(5 * SECOND);

        assertThat(early).isCompletedExceptionally();
        assertThat(late).isNotDone();
        assertThat(deadlines.size()).isEqualTo(1);
        late.complete("answer");
        deadlines.expire(5 * SECOND);
        assertThat(deadlines.size()).isZero();
    }

    @Test
    void anAnswerAlreadyCompleteIsNotWatched() {
        deadlines.watch(CompletableFuture.completedFuture("answer"), 0);

        assertThat(deadlines.size()).isZero();
    }
}
