package io.osprey.server.cli;

import io.osprey.server.role.Roles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code osprey up}: every network function this build has, in one JVM, on its default ports. */
@Command(name = "up", description = "Start the whole core in this process (every role this build has).")
final class UpCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "osprey.yaml")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        spec.commandLine().getOut().printf("osprey %s: starting %s%n", OspreyCli.version(),
                String.join(", ", Roles.ALL_IN_ONE));
        RoleRunner runner = new RoleRunner(spec.commandLine().getOut(), spec.commandLine().getErr());
        int status = runner.start(Roles.ALL_IN_ONE, config, true);
        if (status != 0) {
            return status;
        }
        runner.ensureDemoSubscribers();
        spec.commandLine().getOut().println("running; press Ctrl-C to stop");
        spec.commandLine().getOut().flush();
        runner.awaitShutdown();
        return 0;
    }
}
