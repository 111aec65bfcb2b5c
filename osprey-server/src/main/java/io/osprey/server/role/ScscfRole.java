package io.osprey.server.role;

import io.osprey.cscf.cx.CxClient;
import io.osprey.cscf.cx.CxResult;
import io.osprey.cscf.numbers.NumberNormalizer;
import io.osprey.cscf.numbers.NumberingPlan;
import io.osprey.cscf.regevent.RegEventNotifier;
import io.osprey.cscf.regevent.RegSubscription;
import io.osprey.cscf.regevent.RegSubscriptionSnapshot;
import io.osprey.cscf.registrar.Registration;
import io.osprey.cscf.registrar.RegistrationSnapshot;
import io.osprey.cscf.registrar.RegistrationTable;
import io.osprey.cscf.scscf.ScscfPolicy;
import io.osprey.cscf.scscf.ScscfRegistrar;
import io.osprey.cscf.scscf.ScscfSettings;
import io.osprey.diameter.dictionary.ResultCodes;
import io.osprey.server.config.ScscfConfig;
import io.osprey.sip.proxy.NextHops;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code osprey run scscf}: registrar and session control (TS 24.229 §5.4), port 6060 by default, Cx to the HSS;
 * an RTR from the HSS ends the named registrations.
 */
final class ScscfRole extends CscfRole {

    private static final Logger LOG = LoggerFactory.getLogger(ScscfRole.class);

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
        ScscfSettings settings = new ScscfSettings(env.scscfUri(), advertisedName(), config.port(), env.home(),
                config.terminatingViaIcscf() ? env.icscfUri() : null, config.defaultExpires(), config.minExpires(),
                config.maxExpires(), Duration.ofSeconds(30), context.config().overload().retryAfter(),
                config.noAnswerTimeout());
        diameter = env.cxNodeNamed(advertisedName(), eventLoops());
        CxClient cx = cxClient();
        RegistrationTable table = new RegistrationTable();
        List<Registration> restored = RegistrationSnapshot.load(config.stateFile(), System.currentTimeMillis());
        table.restore(restored);
        if (!restored.isEmpty()) {
            LOG.info("scscf: {} registration(s) restored from {}", restored.size(), config.stateFile());
        }
        notifier = new RegEventNotifier(advertisedName(), config.port(), table, Clock.systemUTC());
        restoreSubscriptions(subscriptionsFile(config));
        registrar = new ScscfRegistrar(settings, cx, table, notifier, Clock.systemUTC());
        cx.onRegistrationTermination(rtr -> {
            registrar.terminate(rtr.impi(), rtr.impus(), rtr.contactEvent());
            return CompletableFuture.completedFuture(ResultCodes.DIAMETER_SUCCESS.code());
        });
        cx.onPushProfile(ppr -> CompletableFuture.completedFuture(
                ppr.userDataXml() != null && registrar.pushProfile(ppr.impi(), ppr.userDataXml())
                        ? ResultCodes.DIAMETER_SUCCESS.code() : (int) CxResult.USER_UNKNOWN.resultCode()));
        NumberNormalizer numbers = new NumberNormalizer(NumberingPlan.of(config.countryCode(), env.home()));
        ScscfPolicy policy = new ScscfPolicy(settings, registrar, notifier, numbers, Clock.systemUTC());
        NextHops nextHops = startNode(advertisedName(), policy, true, policy::expire);
        notifier.bind(node.stack().transactions(), nextHops);
    }

    /** scscf.name, or {@code scscf.<home>}: in its Server-Name, Service-Route, Record-Route and Diameter identity. */
    @Override
    String advertisedName() {
        return env.scscfName();
    }

    /** Keeps the registrations for the next start (they would otherwise all have to register again). */
    @Override
    void afterDrain() {
        if (registrar == null) {
            return;
        }
        ScscfConfig config = context.config().scscf();
        try {
            RegistrationSnapshot.save(registrar.table().all(), config.stateFile());
            RegSubscriptionSnapshot.save(notifier.all(), subscriptionsFile(config));
        } catch (IOException | RuntimeException e) {
            LOG.warn("scscf: registrations or subscriptions not saved beside {}: {}", config.stateFile(),
                    e.toString());
        }
    }

    /**
     * Takes back the reg-event subscriptions of the last run. An unreadable file costs only the subscriptions (the
     * UEs and P-CSCFs subscribe again as they register), so it is logged and the S-CSCF starts without them.
     */
    private void restoreSubscriptions(Path file) {
        try {
            List<RegSubscription> watchers = RegSubscriptionSnapshot.load(file, System.currentTimeMillis());
            notifier.restore(watchers);
            if (!watchers.isEmpty()) {
                LOG.info("scscf: {} reg-event subscription(s) restored from {}", watchers.size(), file);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("scscf: reg-event subscriptions not restored from {}: {}", file, e.toString());
        }
    }

    /** The reg-event subscriptions' file, beside the registrations' ({@code x.txt}: {@code x-subscriptions.txt}). */
    static Path subscriptionsFile(ScscfConfig config) {
        String name = config.stateFile().getFileName().toString();
        String base = name.endsWith(".txt") ? name.substring(0, name.length() - 4) : name;
        return config.stateFile().resolveSibling(base + "-subscriptions.txt");
    }

    /** Live reg-event subscriptions (P-CSCFs, UEs, ASs). */
    int regEventSubscriptions() {
        return notifier.size();
    }

    RegistrationTable registrations() {
        return registrar.table();
    }
}
