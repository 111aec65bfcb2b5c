package io.osprey.server.role;

import io.osprey.hss.HssDiameterServer;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import java.nio.file.Path;

/**
 * The {@code hss} role as {@code osprey run hss} starts it, on 127.0.0.1 with a port of the test's choosing (0 for
 * any) over a SQLite store in {@code dir}, plus a provisioning service on the same store for the test's users.
 */
final class RunningHss implements AutoCloseable {

    private final RoleContext context;
    private final HssRole role;

    private RunningHss(RoleContext context, HssRole role) {
        this.context = context;
        this.role = role;
    }

    static RunningHss start(Path dir, int port) {
        OspreyConfig config = new ConfigLoader().parse("""
                hss:
                  listen: 127.0.0.1
                  port: %d
                store:
                  url: sqlite:%s
                """.formatted(port, dir.resolve("osprey.db")));
        RoleContext context = new RoleContext(config);
        HssRole role = new HssRole(context);
        try {
            role.start();
        } catch (RuntimeException e) {
            role.close();
            context.close();
            throw e;
        }
        return new RunningHss(context, role);
    }

    String realm() {
        return context.config().homeDomain();
    }

    int port() {
        return role.port();
    }

    HssRole role() {
        return role;
    }

    HssDiameterServer server() {
        return role.server();
    }

    ProvisioningService provisioning() {
        return new ProvisioningService(context.store(), realm());
    }

    @Override
    public void close() {
        role.close();
        context.close();
    }
}
