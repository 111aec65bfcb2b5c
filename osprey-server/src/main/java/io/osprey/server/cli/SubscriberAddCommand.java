package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osprey.server.cli.SubscriberClient.Operation;
import io.osprey.server.cli.SubscriberClient.SubscriberClientException;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code osprey subscriber add}: one subscriber with AKA keys and/or a digest password. */
@Command(name = "add", description = "Add a subscriber: --impi and --impu, with --k and --op/--opc and/or "
        + "--password (or --password-stdin).")
final class SubscriberAddCommand extends SubscriberCommand.Base {

    @Option(names = "--impi", required = true, description = "Private identity, user@realm.")
    String impi;

    @Option(names = "--impu", required = true, description = "Default public identity, a sip: URI.")
    String impu;

    @Option(names = "--tel", description = "A tel URI (or +E.164 number) in the same implicit registration set.")
    String tel;

    @Option(names = "--subscription-id", description = "Subscription id (default: the IMPI).")
    String subscriptionId;

    @Mixin
    AkaKeyOptions aka;

    @Mixin
    SubscriberPasswordOptions passwords;

    @Option(names = "--profile", description = "Existing service profile.")
    String profile;

    @Option(names = "--ifc-template", split = ",", description = "iFC template names (instead of --profile).")
    List<String> ifcTemplates;

    @Override
    Map<String, String> options() {
        return Map.ofEntries(Map.entry("impi", "--impi"), Map.entry("impu", "--impu"), Map.entry("tel", "--tel"),
                Map.entry("subscriptionId", "--subscription-id"), Map.entry("k", "--k"), Map.entry("op", "--op"),
                Map.entry("opc", "--opc"), Map.entry("amf", "--amf"), Map.entry("sqn", "--sqn"),
                Map.entry("password", passwords.option()), Map.entry("profile", "--profile"),
                Map.entry("ifcTemplates", "--ifc-template"));
    }

    @Override
    JsonNode run(SubscriberClient client) throws SubscriberClientException, IOException,
            SubscriberCommand.UsageProblem {
        SubscriberCommand.requireCredentials(aka.given(), passwords);
        String password = passwords.password(stdin());
        ObjectNode body = JSON.createObjectNode();
        SubscriberCommand.put(body, "impi", impi);
        SubscriberCommand.put(body, "impu", impu);
        SubscriberCommand.put(body, "tel", tel == null || tel.startsWith("tel:") ? tel : "tel:" + tel);
        SubscriberCommand.put(body, "subscriptionId", subscriptionId);
        aka.putInto(body);
        SubscriberCommand.put(body, "password", password);
        SubscriberCommand.put(body, "profile", profile);
        if (ifcTemplates != null) {
            ifcTemplates.forEach(body.putArray("ifcTemplates")::add);
        }
        JsonNode added = client.send(Operation.CREATE, null, null, "application/json", JSON.writeValueAsBytes(body));
        out().printf("added subscriber %s%n", added.get("subscriptionId").asText());
        return added;
    }
}
