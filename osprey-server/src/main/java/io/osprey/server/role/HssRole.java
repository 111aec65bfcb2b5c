package io.osprey.server.role;

import io.osprey.hss.HssDiameterServer;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.cx.CxServerConfig;
import io.osprey.server.config.HssConfig;
import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * {@code osprey run hss}: the HSS answering Cx (UAR, SAR, LIR, MAR; TS 29.228/29.229) and Sh (UDR, PUR, SNR;
 * TS 29.328/29.329) on one Diameter node, port 3868 by default, over the process's subscriber store. The node
 * runs on the process's core event loops, with the I- and S-CSCF's Cx connections (decision 0018).
 */
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
        // The S-CSCF the I-CSCF is offered for first registrations is this configuration's (TS 29.228 §6.7).
        CxServerConfig cx = CxServerConfig.defaults(context.config().homeDomain()).withDefaultScscfNames(
                java.util.List.of(new CscfEnvironment(context).scscfUri()));
        server = HssDiameterServer.start(cx, new InetSocketAddress(hss.listen(), hss.port()), context.store(),
                hss.maxOutstandingRequests(), context.coreEventLoops());
    }

    int port() {
        return server.port();
    }

    /** The running Diameter endpoint, e.g. for its RTR/PPR and PNR notifiers. */
    HssDiameterServer server() {
        return server;
    }

    @Override
    public Optional<CxNotifier> cxNotifier() {
        return server == null ? Optional.empty() : Optional.of(server.cxNotifier());
    }

    @Override
    public String describe() {
        return "hss ready on " + context.config().hss().listen() + ":" + server.port()
                + " (Diameter Cx and Sh, realm " + context.config().homeDomain() + ")";
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
