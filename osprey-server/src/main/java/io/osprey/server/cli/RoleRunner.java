package io.osprey.server.cli;

import io.osprey.server.admin.AdminApi;
import io.osprey.server.config.ConfigException;
import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import io.osprey.server.role.Role;
import io.osprey.server.role.RoleContext;
import io.osprey.server.role.Roles;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts roles in one process and keeps them running until the process is told to stop (Ctrl-C, SIGTERM), then
 * closes them in reverse order. A role that cannot start stops the ones already started and fails with a message
 * naming the cause.
 */
final class RoleRunner {

    private final PrintWriter out;
    private final PrintWriter err;
    private final List<Role> started = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private RoleContext context;
    private AdminApi.Started admin;

    RoleRunner(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    /**
     * Starts {@code roleNames}, then the admin API when {@code withAdmin}; returns 0 when all started, 1 (after
     * printing why) otherwise.
     */
    int start(List<String> roleNames, Path configFile, boolean withAdmin) {
        OspreyConfig config;
        try {
            config = new ConfigLoader().load(configFile);
        } catch (ConfigException e) {
            err.printf("%s: %s%n", configFile, e.getMessage());
            return 1;
        }
        for (String name : roleNames) {
            try {
                Role role = Roles.create(name, context(config));
                role.start();
                started.add(role);
                out.println(role.describe());
            } catch (ConfigException e) {
                err.printf("%s: %s%n", configFile, e.getMessage());
                stop();
                return 1;
            } catch (Exception e) {
                err.printf("osprey: cannot start %s: %s%n", name, explain(e));
                stop();
                return 1;
            }
        }
        if (withAdmin) {
            try {
                AdminApi.Started admin = AdminApi.startShared(config, started, OspreyCli.version(),
                        context(config).store());
                this.admin = admin;
                out.printf("admin API on http://%s:%d/api/v1%n", config.admin().listen(), admin.server().port());
                if (admin.token().generated()) {
                    out.printf("admin token (stored in %s): %s%n", config.admin().tokenFile(), admin.token().value());
                }
            } catch (Exception e) {
                err.printf("osprey: cannot start the admin API: %s%n", explain(e));
                stop();
                return 1;
            }
        }
        out.flush();
        return 0;
    }

    private static String explain(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof BindException) {
            return "a port is already in use (" + root.getMessage() + ")";
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** {@code osprey up} on an empty store: creates and prints the demo subscribers (see {@link DemoSubscribers}). */
    void ensureDemoSubscribers() {
        if (context == null) {
            return;
        }
        OspreyConfig config = context.config();
        try {
            Path secrets = config.admin().tokenFile().toAbsolutePath().resolveSibling("demo-subscribers.txt");
            DemoSubscribers.ensure(new io.osprey.hss.provisioning.ProvisioningService(context.store(),
                    config.homeDomain()), config.homeDomain(), secrets, out);
        } catch (Exception e) {
            err.printf("osprey: demo subscribers not created: %s%n", explain(e));
        }
        out.flush();
    }

    /** Blocks until {@link #stop} runs (from the shutdown hook). */
    void awaitShutdown() throws InterruptedException {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "osprey-shutdown"));
        stopped.await();
    }

    private RoleContext context(OspreyConfig config) {
        if (context == null) {
            context = new RoleContext(config);
        }
        return context;
    }

    synchronized void stop() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
        started.clear();
        if (context != null) {
            context.close(); // after the roles and the admin API: they all write through it
            context = null;
        }
        stopped.countDown();
    }

    List<Role> started() {
        return List.copyOf(started);
    }
}
