package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osprey.server.cli.SubscriberClient.Operation;
import io.osprey.server.cli.SubscriberClient.SubscriberClientException;
import java.io.IOException;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code osprey subscriber update <impi>}: new credentials for the IMPI and/or, with {@code --impu}, barring,
 * display name, profile or implicit set of one of the subscriber's public identities.
 */
@Command(name = "update", description = "Change credentials of an IMPI, or with --impu one of its public identities.")
final class SubscriberUpdateCommand extends SubscriberCommand.Base {

    @Parameters(paramLabel = "<impi>")
    String impi;

    @Option(names = "--k", description = "New K, 32 hex digits.")
    String k;

    @Option(names = "--op", description = "New OP, 32 hex digits.")
    String op;

    @Option(names = "--opc", description = "New OPc, 32 hex digits.")
    String opc;

    @Option(names = "--amf", description = "New AMF, 4 hex digits.")
    String amf;

    @Option(names = "--sqn", description = "SQN of the next vector.")
    Long sqn;

    @Mixin
    SubscriberPasswordOptions passwords;

    @Option(names = "--impu", description = "The public identity the options below change.")
    String impu;

    @Option(names = "--barred", arity = "1", description = "Bar (true) or unbar (false) --impu.")
    Boolean barred;

    @Option(names = "--display-name", description = "Display name of --impu (empty removes it).")
    String displayName;

    @Option(names = "--profile", description = "Service profile of --impu.")
    String profile;

    @Option(names = "--implicit-set", description = "Implicit registration set of --impu.")
    Integer implicitSet;

    @Override
    Map<String, String> options() {
        return Map.of("k", "--k", "op", "--op", "opc", "--opc", "amf", "--amf", "sqn", "--sqn", "password",
                passwords.option(), "impi", "<impi>", "publicIdentities[0].impu", "--impu",
                "publicIdentities[0].displayName", "--display-name", "publicIdentities[0].profile", "--profile");
    }

    @Override
    JsonNode run(SubscriberClient client) throws SubscriberClientException, IOException,
            SubscriberCommand.UsageProblem {
        String password = passwords.password(stdin());
        ObjectNode body = JSON.createObjectNode();
        SubscriberCommand.put(body, "k", k);
        SubscriberCommand.put(body, "op", op);
        SubscriberCommand.put(body, "opc", opc);
        SubscriberCommand.put(body, "amf", amf);
        if (sqn != null) {
            body.put("sqn", sqn);
        }
        SubscriberCommand.put(body, "password", password);
        boolean identityChange = barred != null || displayName != null || profile != null || implicitSet != null;
        if (identityChange && impu == null) {
            throw new SubscriberClientException(0, "--impu", "is required with --barred, --display-name, --profile "
                    + "or --implicit-set");
        }
        if (impu != null) {
            ObjectNode change = body.putArray("publicIdentities").addObject();
            change.put("impu", impu);
            if (barred != null) {
                change.put("barred", barred);
            }
            SubscriberCommand.put(change, "displayName", displayName);
            SubscriberCommand.put(change, "profile", profile);
            if (implicitSet != null) {
                change.put("implicitSet", implicitSet);
            }
        }
        JsonNode updated = client.send(Operation.UPDATE, impi, null, "application/json", JSON.writeValueAsBytes(body));
        out().printf("updated subscriber %s%n", updated.get("subscriptionId").asText());
        return updated;
    }
}
