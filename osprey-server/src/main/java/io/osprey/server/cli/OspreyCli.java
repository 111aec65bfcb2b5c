package io.osprey.server.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code osprey} command: starts the core or single roles, checks configuration, manages subscribers. */
@Command(name = "osprey",
        mixinStandardHelpOptions = true,
        versionProvider = OspreyCli.Version.class,
        description = "Osprey IMS core.",
        subcommands = {VersionCommand.class, ConfigCommand.class, UpCommand.class, RunCommand.class,
                SubscriberCommand.class, UeCommand.class})
public final class OspreyCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by {@link #main} and tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new OspreyCli()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** The Osprey version from the build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        try (InputStream in = OspreyCli.class.getResourceAsStream("/osprey-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"osprey " + version()};
        }
    }
}
