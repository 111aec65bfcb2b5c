package io.osprey.ue;

import java.time.Duration;

/** How a UE answers incoming INVITEs (RFC 3261 §13.3). */
public sealed interface AnswerMode {

    /** 180 Ringing, then 200 OK with an SDP answer after one second. */
    AnswerMode AUTO_ANSWER = new AutoAnswer(Duration.ofSeconds(1));
    /** 486 Busy Here. */
    AnswerMode BUSY = new Busy();
    /** 180 Ringing and nothing more, until the caller CANCELs or {@link Call#answer()} is called. */
    AnswerMode NO_ANSWER = new NoAnswer();

    /** 180 Ringing, then 200 OK after {@code ringDelay} (zero answers at once after the 180). */
    static AnswerMode autoAnswer(Duration ringDelay) {
        return new AutoAnswer(ringDelay);
    }

    /** A final failure response with {@code code} (300-699), e.g. 603 Decline or 480 Temporarily Unavailable. */
    static AnswerMode reject(int code) {
        return new Reject(code);
    }

    /** @param ringDelay time between the 180 and the 200 */
    record AutoAnswer(Duration ringDelay) implements AnswerMode {
        public AutoAnswer {
            if (ringDelay == null || ringDelay.isNegative()) {
                throw new IllegalArgumentException("ring delay must be zero or positive, was " + ringDelay);
            }
        }
    }

    /** Answers 486 Busy Here. */
    record Busy() implements AnswerMode {
    }

    /** Rings without answering. */
    record NoAnswer() implements AnswerMode {
    }

    /** @param code the final status, 300-699 */
    record Reject(int code) implements AnswerMode {
        public Reject {
            if (code < 300 || code > 699) {
                throw new IllegalArgumentException("reject code must be 300-699, was " + code);
            }
        }
    }
}
