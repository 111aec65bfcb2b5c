package io.osprey.server.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/**
 * The AKA credential options of the commands that create a private identity ({@code subscriber add},
 * {@code subscriber add-impi}), and how they go into the request body.
 */
final class AkaKeyOptions {

    @Option(names = "--k", description = "Subscriber key K, 32 hex digits.")
    String k;

    @Option(names = "--op", description = "Operator variant OP, 32 hex digits.")
    String op;

    @Option(names = "--opc", description = "Derived OPc, 32 hex digits.")
    String opc;

    @Option(names = "--amf", description = "AMF, 4 hex digits (default 8000).")
    String amf;

    @Option(names = "--sqn", description = "SQN of the first vector (default 0).")
    Long sqn;

    /** Whether any AKA option was given. */
    boolean given() {
        return k != null || op != null || opc != null || amf != null;
    }

    void putInto(ObjectNode body) {
        SubscriberCommand.put(body, "k", k);
        SubscriberCommand.put(body, "op", op);
        SubscriberCommand.put(body, "opc", opc);
        SubscriberCommand.put(body, "amf", amf);
        if (sqn != null) {
            body.put("sqn", sqn);
        }
    }
}
