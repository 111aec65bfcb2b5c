package io.osprey.server.role;

import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.server.config.ConfigLoader;
import io.osprey.server.config.OspreyConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The IMS core as {@code osprey up} starts it (HSS, S-CSCF, I-CSCF, P-CSCF in one process, each on its own
 * loopback port, talking SIP and Diameter to each other) over a SQLite store in a test directory, with the home
 * domain {@code ims.test}, plus a provisioning service on the same store for the test's users.
 */
final class RunningCore implements AutoCloseable {

    static final String DOMAIN = "ims.test";

    private final Process process;
    private final RoleContext context;

    private RunningCore(Process process) {
        this.process = process;
        this.context = process.context;
    }

    /** Starts the core over the store and state files in {@code dir}, on fresh ports. */
    static RunningCore start(Path dir) throws Exception {
        return start(dir, false);
    }

    /** As {@link #start(Path)}, with the I-CSCF hiding the home network's topology when asked. */
    static RunningCore start(Path dir, boolean topologyHiding) throws Exception {
        return start(dir, topologyHiding, "");
    }

    /**
     * As {@link #start(Path, boolean)}, with more keys for the {@code pcscf} section ({@code key: value} lines, each
     * indented by two spaces, e.g. {@code "  sec-agree: [digest]\n"}). The P-CSCF's TLS listener is on a fresh port,
     * with its development certificate under {@code dir}.
     */
    static RunningCore start(Path dir, boolean topologyHiding, String pcscfKeys) throws Exception {
        return start(dir, topologyHiding, pcscfKeys, "");
    }

    /** As {@link #start(Path, boolean, String)}, with more keys for the {@code icscf} section, indented alike. */
    static RunningCore start(Path dir, boolean topologyHiding, String pcscfKeys, String icscfKeys) throws Exception {
        return start(dir, topologyHiding, pcscfKeys, icscfKeys, "");
    }

    /** As {@link #start(Path, boolean, String, String)}, with more keys for the {@code scscf} section. */
    static RunningCore start(Path dir, boolean topologyHiding, String pcscfKeys, String icscfKeys, String scscfKeys)
            throws Exception {
        String yaml = """
                home-domain: %s
                hss:
                  port: %d
                pcscf:
                  port: %d
                  tls-port: %d
                  tls-key-store: %s
                  state-file: %s
                %sicscf:
                  port: %d
                  topology-hiding: %s
                %sscscf:
                  port: %d
                  state-file: %s
                  min-expires: 1s
                %sstore:
                  url: sqlite:%s
                """.formatted(DOMAIN, FreePorts.udpAndTcp(), FreePorts.udpAndTcp(), FreePorts.udpAndTcp(),
                dir.resolve("tls").resolve("pcscf.p12"), dir.resolve("pcscf-registrations.txt"), pcscfKeys,
                FreePorts.udpAndTcp(), topologyHiding, icscfKeys,
                FreePorts.udpAndTcp(), dir.resolve("scscf-registrations.txt"), scscfKeys, dir.resolve("osprey.db"));
        return start(new ConfigLoader().parse(yaml));
    }

    /** Starts the core with {@code config}, e.g. that of a core stopped before: same ports, store and state files. */
    static RunningCore start(OspreyConfig config) throws Exception {
        return new RunningCore(Process.start(new RoleContext(config), Roles.ALL_IN_ONE));
    }

    /** Roles started over one context, as {@code osprey run <roles>} starts them in a process of their own. */
    static final class Process implements AutoCloseable {

        private final RoleContext context;
        private final List<Role> roles;

        private Process(RoleContext context, List<Role> roles) {
            this.context = context;
            this.roles = roles;
        }

        /** Starts {@code names} in order; when one fails, closes those started and the context. */
        static Process start(RoleContext context, List<String> names) throws Exception {
            List<Role> started = new ArrayList<>();
            try {
                for (String name : names) {
                    Role role = Roles.create(name, context);
                    started.add(role);
                    role.start();
                }
            } catch (Exception e) {
                started.forEach(Role::close);
                context.close();
                throw e;
            }
            return new Process(context, started);
        }

        /** The started role of {@code type}. */
        <T extends Role> T role(Class<T> type) {
            return roles.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
        }

        @Override
        public void close() {
            for (int i = roles.size() - 1; i >= 0; i--) {
                roles.get(i).close();
            }
            context.close();
        }
    }

    OspreyConfig config() {
        return context.config();
    }

    RoleContext context() {
        return context;
    }

    java.net.InetSocketAddress pcscf() {
        return new java.net.InetSocketAddress("127.0.0.1", pcscfPort());
    }

    int pcscfPort() {
        return context.config().pcscf().port();
    }

    java.net.InetSocketAddress pcscfTls() {
        return new java.net.InetSocketAddress("127.0.0.1", context.config().pcscf().tlsPort());
    }

    PcscfRole pcscfRole() {
        return process.role(PcscfRole.class);
    }

    io.osprey.hss.store.SubscriberStore store() {
        return context.store();
    }

    ProvisioningService provisioning() {
        return new ProvisioningService(context.store(), DOMAIN);
    }

    RegistrationTable scscfRegistrations() {
        return scscf().registrations();
    }

    List<Role> roles() {
        return List.copyOf(process.roles);
    }

    HssRole hss() {
        return process.role(HssRole.class);
    }

    ScscfRole scscf() {
        return process.role(ScscfRole.class);
    }

    @Override
    public void close() {
        process.close();
    }
}
