package io.osprey.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osprey version}: the Osprey version and the Java runtime it runs on. */
@Command(name = "version", description = "Print the Osprey version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().printf("osprey %s (Java %s, %s)%n", OspreyCli.version(),
                Runtime.version(), System.getProperty("java.vm.name"));
        return 0;
    }
}
