package io.osprey.server.cli;

import io.osprey.server.role.Roles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code osprey run <role>...}: one or more network functions in this process, configured by osprey.yaml. */
@Command(name = "run", description = "Run the named roles in this process until stopped (Ctrl-C).")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ROLE", description = "Roles to run; this build has: ${COMPLETION-CANDIDATES}",
            completionCandidates = RoleNames.class)
    List<String> roles;

    @Option(names = {"-c", "--config"}, description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "osprey.yaml")
    Path config;

    @Option(names = "--admin", description = "Also serve the admin API (as osprey up does).")
    boolean admin;

    @Override
    public Integer call() throws InterruptedException {
        for (String role : roles) {
            if (!Roles.names().contains(role)) {
                spec.commandLine().getErr().printf("osprey: unknown role '%s'; this build has: %s%n", role,
                        String.join(", ", Roles.names()));
                return 2;
            }
        }
        RoleRunner runner = new RoleRunner(spec.commandLine().getOut(), spec.commandLine().getErr());
        int status = runner.start(roles, config, admin);
        if (status != 0) {
            return status;
        }
        runner.awaitShutdown();
        return 0;
    }

    static final class RoleNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Roles.names().iterator();
        }
    }
}
