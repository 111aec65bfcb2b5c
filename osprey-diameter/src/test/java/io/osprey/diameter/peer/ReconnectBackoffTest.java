package io.osprey.diameter.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectBackoffTest {

    @Test
    void doublesUpToTheBoundAndResetsToTc() {
        ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofSeconds(30), Duration.ofMinutes(2));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(120));
        backoff.reset();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(30));
        backoff.backOffFully();
        assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void refusesABoundBelowTc() {
        assertThatThrownBy(() -> new ReconnectBackoff(Duration.ofSeconds(30), Duration.ofSeconds(10)))
                .hasMessageContaining("below Tc");
    }
}
