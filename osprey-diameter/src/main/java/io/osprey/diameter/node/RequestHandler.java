package io.osprey.diameter.node;

import io.osprey.diameter.message.DiameterMessage;
import java.util.concurrent.CompletableFuture;

/**
 * Serves one command of one application on a {@link DiameterNode}. It is called on a network thread with a
 * request that passed validation, and must not block: slow work (a database) runs elsewhere and completes the
 * returned future with the answer, built with {@link DiameterMessage#answerTo}. A failed or null answer is
 * answered with 5012 DIAMETER_UNABLE_TO_COMPLY.
 */
@FunctionalInterface
public interface RequestHandler {

    CompletableFuture<DiameterMessage> handle(DiameterMessage request);
}
