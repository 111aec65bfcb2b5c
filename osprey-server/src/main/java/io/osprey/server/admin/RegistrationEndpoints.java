package io.osprey.server.admin;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.message.DiameterMessage;
import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.InvalidValueException;
import io.osprey.hss.store.StoreException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Network-initiated deregistration (TS 29.228 §6.1.3, TS 24.229 §5.4.1.5): the HSS sends a Registration-Termination
 * request to the S-CSCF serving the identity, which drops the implicit set and tells its reg-event subscribers (the
 * UE, the P-CSCF).
 *
 * <pre>
 *   DELETE /api/v1/registrations/{impu}?reason=permanent-termination|new-server-assigned|server-change|remove-s-cscf
 * </pre>
 * 200 with the S-CSCF and its Result-Code when the RTA succeeds. Refusals: 400 bad identity or reason, 404 unknown
 * identity, 409 not registered, 502 the S-CSCF answered with an error, 503 no HSS in this process or the store is
 * unreachable, 504 no answer (the S-CSCF is not connected to the HSS or did not answer in time).
 */
final class RegistrationEndpoints {

    static final String BASE = "/api/v1/registrations";
    /** Deregistration-Reason codes by their names in TS 29.229 §6.3.17, as the {@code reason} query gives them. */
    private static final Map<String, Integer> REASONS = Map.of(
            "permanent-termination", CxDictionary.REASON_PERMANENT_TERMINATION,
            "new-server-assigned", CxDictionary.REASON_NEW_SERVER_ASSIGNED,
            "server-change", CxDictionary.REASON_SERVER_CHANGE,
            "remove-s-cscf", CxDictionary.REASON_REMOVE_SCSCF);
    /** Longer than the Diameter request timeout, so that a lost answer comes back as the node's own error. */
    private static final long ANSWER_WAIT_SECONDS = 15;

    /** The HSS of this process, asked per request: the admin API may start before the roles. */
    private final Supplier<Optional<CxNotifier>> hss;

    RegistrationEndpoints(Supplier<Optional<CxNotifier>> hss) {
        this.hss = hss;
    }

    void register(AdminServer server) {
        server.routeTemplate("DELETE", BASE + "/{impu}", this::deregister);
    }

    AdminResponse deregister(AdminRequest request) throws AdminException {
        String reasonName = request.queryParameter("reason").orElse("permanent-termination");
        Integer reason = REASONS.get(reasonName);
        if (reason == null) {
            throw new AdminException(Problem.invalid("reason", "unknown reason \"" + reasonName + "\"; expected one of "
                    + new TreeSet<>(REASONS.keySet())));
        }
        Impu impu;
        try {
            impu = new Impu(request.pathParameter());
        } catch (InvalidValueException e) {
            throw new AdminException(Problem.invalid("impu", e.getMessage()));
        }
        CxNotifier notifier = hss.get().orElseThrow(() -> new AdminException(Problem.of(503, "hss-not-here",
                "No HSS in this process", "registrations are ended by the HSS; call the admin API of the process "
                        + "that runs it (osprey run hss)")));
        CxNotifier.RegistrationTermination target;
        try {
            target = notifier.servingScscf(impu).orElseThrow(() -> new AdminException(new Problem(
                    Problem.BASE + "not-registered", "Not registered", 409,
                    impu.uri() + " is not registered at any S-CSCF", "impu")));
        } catch (StoreException e) {
            throw new AdminException(e.reason() == StoreException.Reason.NOT_FOUND
                    ? new Problem(Problem.BASE + "not-found", "Not found", 404, e.getMessage(), "impu")
                    : SubscriberEndpoints.unavailable());
        }
        DiameterMessage answer = awaitAnswer(notifier, target, impu, reason);
        long resultCode = answer.result().map(r -> (long) r.code()).orElse(0L);
        if (answer.result().map(r -> !r.isSuccess()).orElse(true)) {
            throw new AdminException(Problem.of(502, "rtr-refused", "The S-CSCF refused the deregistration",
                    target.diameterHost() + " answered the Registration-Termination with result " + resultCode));
        }
        return AdminResponse.ok(Map.of("impu", impu.uri(), "scscf", target.scscfName(),
                "reason", reasonName, "resultCode", resultCode));
    }

    private static DiameterMessage awaitAnswer(CxNotifier notifier, CxNotifier.RegistrationTermination target,
                                               Impu impu, int reason) throws AdminException {
        try {
            return notifier.terminateRegistration(target.diameterHost(), target.impi(), List.of(impu), reason,
                    Optional.of("deregistered by the operator")).get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdminException(noAnswer(target, "interrupted"));
        } catch (TimeoutException e) {
            throw new AdminException(noAnswer(target, "no answer in " + ANSWER_WAIT_SECONDS + " s"));
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new AdminException(noAnswer(target, cause.getMessage()));
        }
    }

    private static Problem noAnswer(CxNotifier.RegistrationTermination target, String why) {
        return Problem.of(504, "scscf-unreachable", "The S-CSCF did not answer",
                "Registration-Termination to " + target.diameterHost() + " failed: " + why);
    }
}
