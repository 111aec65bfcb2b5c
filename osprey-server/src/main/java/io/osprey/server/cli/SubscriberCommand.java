package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.osprey.hss.store.StoreConfig;
import io.osprey.hss.store.StoreException;
import io.osprey.hss.store.SubscriberStores;
import io.osprey.server.admin.AdminApi;
import io.osprey.server.cli.SubscriberClient.Operation;
import io.osprey.server.cli.SubscriberClient.SubscriberClientException;
import io.osprey.server.config.ConfigException;
import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osprey subscriber add|show|list|update|delete|import|add-impu|remove-impu|add-impi|remove-impi}:
 * provisioning through a running core's admin API (address from {@code osprey.yaml}, token from
 * {@code admin.token} or the token file), or with {@code --db} straight to a store. Secrets go in and never
 * come out.
 */
@Command(name = "subscriber", description = "Provision subscribers (through the admin API, or --db to a store).",
        subcommands = {SubscriberAddCommand.class, SubscriberCommand.Show.class, SubscriberCommand.ListPage.class,
                SubscriberUpdateCommand.class, SubscriberCommand.Delete.class, SubscriberCommand.Import.class,
                SubscriberIdentityCommands.AddImpu.class, SubscriberIdentityCommands.RemoveImpu.class,
                SubscriberIdentityCommands.AddImpi.class, SubscriberIdentityCommands.RemoveImpi.class})
final class SubscriberCommand {

    /** Options every subcommand shares: where to send the request. */
    static final class Target {

        @Option(names = {"-c", "--config"}, description = "Configuration file (default: ${DEFAULT-VALUE}).",
                defaultValue = "osprey.yaml")
        Path config;

        @Option(names = "--db", paramLabel = "<store url>",
                description = "Work on this store directly (sqlite:<file> or jdbc:postgresql://...) instead of the admin API.")
        String db;
    }

    /** The shared run: connect, send, print; errors name the option and end with exit status 1. */
    abstract static class Base implements Callable<Integer> {

        static final ObjectMapper JSON = AdminApi.jsonMapper();

        @Spec
        CommandSpec spec;

        @Mixin
        Target target;

        abstract JsonNode run(SubscriberClient client) throws SubscriberClientException, IOException, UsageProblem;

        /** The option a provisioning field comes from, for error messages. */
        Map<String, String> options() {
            return Map.of();
        }

        /** The option (or parameter) to blame for a refusal: the one its field comes from, else the field. */
        String option(SubscriberClientException refusal) {
            return options().getOrDefault(refusal.field(), refusal.field());
        }

        /** Standard input, read by {@code --password-stdin}. */
        InputStream stdin() {
            return System.in;
        }

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        @Override
        public Integer call() {
            PrintWriter err = spec.commandLine().getErr();
            String name = "osprey subscriber " + spec.name();
            try (SubscriberClient client = connect()) {
                JsonNode result = run(client);
                if (result != null) {
                    print(result);
                }
                out().flush();
                return 0;
            } catch (SubscriberClientException e) {
                String field = e.field() == null ? null : option(e);
                err.printf("%s: %s%s%n", name, field == null ? "" : field + ": ", e.getMessage());
            } catch (ConfigException e) {
                err.printf("%s: %s: %s%n", name, target.config, e.getMessage());
            } catch (UsageProblem e) {
                err.printf("%s: %s%n", name, e.getMessage());
            } catch (StoreException e) {
                err.printf("%s: --db: %s%n", name, e.getMessage());
            } catch (IOException e) {
                err.printf("%s: %s%n", name, e.getMessage());
            }
            err.flush();
            return 1;
        }

        void print(JsonNode result) throws IOException {
            out().println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(result));
        }

        private SubscriberClient connect() throws UsageProblem {
            OspreyConfig config = new ConfigLoader().load(target.config);
            if (target.db != null) {
                StoreConfig store;
                try {
                    store = StoreConfig.of(target.db);
                } catch (IllegalArgumentException e) {
                    throw new UsageProblem("--db: " + e.getMessage());
                }
                return new SubscriberStoreClient(SubscriberStores.open(store), config.homeDomain(), JSON);
            }
            String host = config.admin().listen();
            host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            host = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
            return new SubscriberHttpClient("http://" + host + ":" + config.admin().port(), token(config), JSON);
        }

        private static String token(OspreyConfig config) throws UsageProblem {
            if (config.admin().token() != null) {
                return config.admin().token();
            }
            Path file = config.admin().tokenFile();
            try {
                return Files.readString(file).strip();
            } catch (NoSuchFileException e) {
                throw new UsageProblem("no admin token: " + file + " does not exist (start osprey here first, set "
                        + "admin.token, or use --db <store url>)");
            } catch (IOException e) {
                throw new UsageProblem("cannot read the admin token " + file + ": " + e.getMessage());
            }
        }
    }

    /** A mistake in the command line that picocli cannot see, such as a file that does not exist. */
    static final class UsageProblem extends Exception {

        private static final long serialVersionUID = 1L;

        UsageProblem(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * Refuses a new private identity without credentials before anything is sent, naming the options: AKA keys
     * ({@code akaGiven}: any of --k, --op, --opc, --amf) or a password.
     */
    static void requireCredentials(boolean akaGiven, SubscriberPasswordOptions passwords) throws UsageProblem {
        if (!akaGiven && !passwords.given()) {
            throw new UsageProblem("give AKA keys (--k with --op or --opc) or a password (--password or "
                    + "--password-stdin)");
        }
    }

    static void put(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    @Command(name = "show", description = "Show the subscriber owning an IMPI or IMPU.")
    static final class Show extends Base {

        @picocli.CommandLine.Parameters(paramLabel = "<impi|impu>")
        String id;

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException {
            return client.send(Operation.SHOW, id, null, null, null);
        }
    }

    @Command(name = "list", description = "List subscribers, one per line.")
    static final class ListPage extends Base {

        @Option(names = "--offset", defaultValue = "0", description = "Subscribers to skip (default: ${DEFAULT-VALUE}).")
        int offset;

        @Option(names = "--limit", defaultValue = "100", description = "Page size, 1 to 1000 (default: ${DEFAULT-VALUE}).")
        int limit;

        @Override
        Map<String, String> options() {
            return Map.of("offset", "--offset", "limit", "--limit");
        }

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException {
            return client.send(Operation.LIST, null, "offset=" + offset + "&limit=" + limit, null, null);
        }

        @Override
        void print(JsonNode page) {
            for (JsonNode subscriber : page.get("items")) {
                StringBuilder line = new StringBuilder(subscriber.get("subscriptionId").asText());
                subscriber.get("privateIdentities").forEach(impi -> line.append(' ').append(impi.get("impi").asText()));
                subscriber.get("publicIdentities").forEach(impu -> line.append(' ').append(impu.get("impu").asText())
                        .append(impu.get("barred").asBoolean() ? " (barred)" : ""));
                out().println(line);
            }
            int shown = page.get("items").size();
            out().printf("%d-%d of %d subscriber(s)%n", shown == 0 ? 0 : page.get("offset").asLong() + 1,
                    page.get("offset").asLong() + shown, page.get("total").asLong());
        }
    }

    @Command(name = "delete", description = "Delete the subscriber owning an IMPI or IMPU, with all its identities.")
    static final class Delete extends Base {

        @picocli.CommandLine.Parameters(paramLabel = "<impi|impu>")
        String id;

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException {
            client.send(Operation.DELETE, id, null, null, null);
            out().printf("deleted the subscriber of %s%n", id);
            return null;
        }
    }

    @Command(name = "import", description = "Import subscribers from a CSV file (header: impi,impu,tel,k,op,opc,amf,sqn,password,...).")
    static final class Import extends Base {

        @picocli.CommandLine.Parameters(paramLabel = "<file.csv>")
        Path file;

        @Override
        JsonNode run(SubscriberClient client) throws SubscriberClientException, IOException {
            byte[] csv;
            try {
                csv = Files.readAllBytes(file);
            } catch (NoSuchFileException e) {
                throw new IOException(file + " does not exist");
            }
            return client.send(Operation.IMPORT, null, null, "text/csv; charset=utf-8", csv);
        }

        @Override
        void print(JsonNode result) {
            out().printf("imported %d, failed %d%n", result.get("imported").asInt(), result.get("failed").asInt());
            for (JsonNode error : result.get("errors")) {
                String field = error.get("field").asText();
                out().printf("  line %d%s: %s%n", error.get("line").asInt(), field.isEmpty() ? "" : " " + field,
                        error.get("message").asText());
            }
        }
    }
}
