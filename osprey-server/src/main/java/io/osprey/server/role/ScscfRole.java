package io.osprey.server.role;

import io.osprey.cscf.cx.CxClient;
import io.osprey.cscf.cx.CxResult;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.numbers.NumberNormalizer;
import io.osprey.cscf.numbers.NumberingPlan;
import io.osprey.cscf.regevent.RegEventNotifier;
import io.osprey.cscf.scscf.ScscfPolicy;
import io.osprey.cscf.scscf.ScscfRegistrar;
import io.osprey.cscf.scscf.ScscfSettings;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.server.config.ScscfConfig;
import io.osprey.sip.proxy.NextHops;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code osprey run scscf}: registrar and session control (TS 24.229 §5.4), port 6060 by default, Cx to the HSS;
 * an RTR from the HSS ends the named registrations.
 */
final class ScscfRole extends CscfRole {

    private ScscfRegistrar registrar;
    private RegEventNotifier notifier;

    ScscfRole(RoleContext context) {
        super("scscf", context);
    }

    @Override
    String listen() {
        return context.config().scscf().listen();
    }

    @Override
    int port() {
        return context.config().scscf().port();
    }

    @Override
    public void start() throws Exception {
        ScscfConfig config = context.config().scscf();
        ScscfSettings settings = new ScscfSettings(env.scscfUri(), env.name("scscf"), config.port(), env.home(),
                config.terminatingViaIcscf() ? env.icscfUri() : null, config.defaultExpires(), config.minExpires(),
                config.maxExpires(), Duration.ofSeconds(30));
        diameter = env.cxNode("scscf");
        CxClient cx = new CxClient(diameter, env.home());
        RegistrationTable table = new RegistrationTable();
        notifier = new RegEventNotifier(env.name("scscf"), config.port(), table, Clock.systemUTC());
        registrar = new ScscfRegistrar(settings, cx, table, notifier, Clock.systemUTC());
        cx.onRegistrationTermination(rtr -> {
            registrar.terminate(rtr.impi(), rtr.impus());
            return CompletableFuture.completedFuture(ResultCodes.DIAMETER_SUCCESS.code());
        });
        cx.onPushProfile(ppr -> CompletableFuture.completedFuture(
                ppr.userDataXml() != null && registrar.pushProfile(ppr.impi(), ppr.userDataXml())
                        ? ResultCodes.DIAMETER_SUCCESS.code() : (int) CxResult.USER_UNKNOWN.resultCode()));
        NumberNormalizer numbers = new NumberNormalizer(NumberingPlan.of(config.countryCode(), env.home()));
        ScscfPolicy policy = new ScscfPolicy(settings, registrar, notifier, numbers, Clock.systemUTC());
        NextHops nextHops = startNode(env.name("scscf"), policy, true, policy::expire);
        notifier.bind(node.stack().transactions(), nextHops);
    }

    /** Live reg-event subscriptions (P-CSCFs, UEs, ASs). */
    int regEventSubscriptions() {
        return notifier.size();
    }

    RegistrationTable registrations() {
        return registrar.table();
    }
}
