package io.osprey.server.role;

import io.osprey.hss.cx.CxServerConfig;
import io.osprey.hss.cx.HssDiameterServer;
import io.osprey.server.config.HssConfig;
import java.net.InetSocketAddress;

/** {@code osprey run hss}: the HSS answering Cx (UAR, SAR, LIR, MAR; TS 29.228/29.229) over Diameter on port 3868. */
final class HssRole implements Role {

    private final RoleContext context;
    private HssDiameterServer server;

    HssRole(RoleContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "hss";
    }

    @Override
    public void start() {
        HssConfig hss = context.config().hss();
        server = HssDiameterServer.start(CxServerConfig.defaults(context.config().homeDomain()),
                new InetSocketAddress(hss.listen(), hss.port()), context.store());
    }

    int port() {
        return server.port();
    }

    @Override
    public String describe() {
        return "hss ready on " + context.config().hss().listen() + ":" + server.port() + " (Diameter Cx, realm "
                + context.config().homeDomain() + ")";
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
