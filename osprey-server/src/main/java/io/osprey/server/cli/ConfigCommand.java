package io.osprey.server.cli;

import io.osprey.server.config.ConfigException;
import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osprey config check}: loads the configuration exactly as a start would, and reports the first fault. */
@Command(name = "config", description = "Configuration tools.", subcommands = ConfigCommand.Check.class)
final class ConfigCommand {

    @Command(name = "check", description = "Validate osprey.yaml; exit 0 when it would start, 1 naming the bad key otherwise.")
    static final class Check implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = {"-c", "--config"}, description = "Configuration file (default: ${DEFAULT-VALUE}).",
                defaultValue = "osprey.yaml")
        Path file;

        @Override
        public Integer call() {
            try {
                OspreyConfig config = new ConfigLoader().load(file);
                String source = Files.exists(file) ? file.toString() : "defaults (" + file + " not found)";
                spec.commandLine().getOut().printf("%s: OK%n  home domain %s, proxy on %s:%d with %d route(s)%n",
                        source, config.homeDomain(), config.proxy().listen(), config.proxy().port(),
                        config.proxy().routes().size());
                return 0;
            } catch (ConfigException e) {
                spec.commandLine().getErr().printf("%s: %s%n", file, e.getMessage());
                return 1;
            }
        }
    }
}
