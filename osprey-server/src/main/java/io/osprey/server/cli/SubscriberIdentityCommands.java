package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osprey.server.cli.SubscriberClient.Operation;
import io.osprey.server.cli.SubscriberClient.SubscriberClientException;
import io.osprey.server.cli.SubscriberCommand.UsageProblem;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code osprey subscriber add-impu|remove-impu|add-impi|remove-impi}: the public and private identities of an
 * existing subscriber (TS 23.228 §4.3.3.4), over {@code /api/v1/subscribers/{impi}/public-identities} and
 * {@code .../private-identities}. The first parameter names the subscriber by any of its identities.
 */
final class SubscriberIdentityCommands {

    /** The subscriber parameter, for refusals about the subscriber ({@code impi}, or {@code identity} if malformed). */
    static final String SUBSCRIBER = "<subscriber-impi>";

    private SubscriberIdentityCommands() {
    }

    @Command(name = "add-impu", description = "Add a public identity to a subscriber, usable by all its private "
            + "identities.")
    static final class AddImpu extends SubscriberCommand.Base {

        @Parameters(paramLabel = SUBSCRIBER, description = "A private (or public) identity of the subscriber.")
        String subscriber;

        @Option(names = "--impu", required = true,
                description = "The new public identity: a sip: URI, or a tel: URI (or +E.164 number).")
        String impu;

        @Option(names = "--barred", description = "Add it barred.")
        boolean barred;

        @Option(names = "--display-name", description = "Display name.")
        String displayName;

        @Option(names = "--profile", description = "Existing service profile (default: default).")
        String profile;

        @Option(names = "--ifc-template", split = ",", description = "iFC template names (instead of --profile).")
        List<String> ifcTemplates;

        @Option(names = "--implicit-set", description = "Implicit registration set (default 0).")
        Integer implicitSet;

        @Override
        Map<String, String> options() {
            return Map.of("impi", SUBSCRIBER, "identity", SUBSCRIBER, "impu", "--impu", "displayName",
                    "--display-name", "profile", "--profile", "ifcTemplates", "--ifc-template", "implicitSet",
                    "--implicit-set");
        }

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException, IOException {
            ObjectNode body = JSON.createObjectNode();
            body.put("impu", impu.startsWith("+") ? "tel:" + impu : impu);
            body.put("barred", barred);
            SubscriberCommand.put(body, "displayName", displayName);
            SubscriberCommand.put(body, "profile", profile);
            if (ifcTemplates != null) {
                ifcTemplates.forEach(body.putArray("ifcTemplates")::add);
            }
            if (implicitSet != null) {
                body.put("implicitSet", implicitSet);
            }
            JsonNode added = client.send(Operation.ADD_PUBLIC_IDENTITY, subscriber, null, null, "application/json",
                    JSON.writeValueAsBytes(body));
            out().printf("added public identity %s to the subscriber of %s%n", added.get("impu").asText(), subscriber);
            return added;
        }
    }

    @Command(name = "remove-impu", description = "Remove a public identity of a subscriber (not the last SIP URI of "
            + "a private identity).")
    static final class RemoveImpu extends SubscriberCommand.Base {

        @Parameters(index = "0", paramLabel = SUBSCRIBER, description = "A private (or public) identity of the "
                + "subscriber.")
        String subscriber;

        @Parameters(index = "1", paramLabel = "<impu>", description = "The public identity to remove.")
        String impu;

        @Override
        Map<String, String> options() {
            return Map.of("impi", SUBSCRIBER, "identity", SUBSCRIBER, "impu", "<impu>");
        }

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException {
            client.send(Operation.REMOVE_PUBLIC_IDENTITY, subscriber, impu, null, null, null);
            out().printf("removed public identity %s from the subscriber of %s%n", impu, subscriber);
            return null;
        }
    }

    @Command(name = "add-impi", description = "Add a private identity to a subscriber: --impi with --k and "
            + "--op/--opc and/or --password (or --password-stdin). It may use all the subscriber's public identities.")
    static final class AddImpi extends SubscriberCommand.Base {

        @Parameters(paramLabel = SUBSCRIBER, description = "A private (or public) identity of the subscriber.")
        String subscriber;

        @Option(names = "--impi", required = true, description = "The new private identity, user@realm.")
        String impi;

        @Mixin
        AkaKeyOptions aka;

        @Mixin
        SubscriberPasswordOptions passwords;

        @Override
        Map<String, String> options() {
            return Map.of("identity", SUBSCRIBER, "impi", "--impi", "k", "--k", "op", "--op", "opc", "--opc",
                    "amf", "--amf", "sqn", "--sqn", "password", passwords.option());
        }

        /** {@code impi} is the new identity, except when the subscriber is not found (404). */
        @Override
        String option(SubscriberClientException refusal) {
            return refusal.status() == 404 && "impi".equals(refusal.field()) ? SUBSCRIBER : super.option(refusal);
        }

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException, IOException, UsageProblem {
            SubscriberCommand.requireCredentials(aka.given(), passwords);
            ObjectNode body = JSON.createObjectNode();
            body.put("impi", impi);
            aka.putInto(body);
            SubscriberCommand.put(body, "password", passwords.password(stdin()));
            JsonNode added = client.send(Operation.ADD_PRIVATE_IDENTITY, subscriber, null, null, "application/json",
                    JSON.writeValueAsBytes(body));
            out().printf("added private identity %s to the subscriber of %s%n", added.get("impi").asText(), subscriber);
            return added;
        }
    }

    @Command(name = "remove-impi", description = "Remove a private identity of a subscriber with its credentials "
            + "(not the last one).")
    static final class RemoveImpi extends SubscriberCommand.Base {

        @Parameters(index = "0", paramLabel = SUBSCRIBER, description = "A private (or public) identity of the "
                + "subscriber.")
        String subscriber;

        @Parameters(index = "1", paramLabel = "<impi>", description = "The private identity to remove.")
        String impi;

        @Override
        Map<String, String> options() {
            return Map.of("impi", SUBSCRIBER, "identity", SUBSCRIBER, "other-impi", "<impi>");
        }

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException {
            client.send(Operation.REMOVE_PRIVATE_IDENTITY, subscriber, impi, null, null, null);
            out().printf("removed private identity %s from the subscriber of %s%n", impi, subscriber);
            return null;
        }
    }
}
