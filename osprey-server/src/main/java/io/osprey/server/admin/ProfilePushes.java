package io.osprey.server.admin;

import io.osprey.hss.cx.CxNotifier;
import io.osprey.hss.model.Impu;
import io.osprey.hss.store.IdentityRepository;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a changed user profile to the S-CSCF that serves it (Push-Profile, TS 29.228 §6.1.4): after the admin API
 * changes a public identity's service profile, iFCs or barring, or replaces a service profile or iFC template that
 * registered identities use, the S-CSCF applies the change at once instead of at the user's next registration. The
 * push goes out after the change is stored and is not waited for: a push that fails is logged, and the S-CSCF still
 * gets the new profile with the next SAA. Without an HSS in this process nothing is pushed.
 */
final class ProfilePushes {

    private static final Logger LOG = LoggerFactory.getLogger(ProfilePushes.class);
    static final ProfilePushes NONE = new ProfilePushes(Optional::empty, null);

    private final Supplier<Optional<CxNotifier>> hss;
    private final IdentityRepository identities;

    /** {@code identities} finds who uses a replaced service profile or iFC template. */
    ProfilePushes(Supplier<Optional<CxNotifier>> hss, IdentityRepository identities) {
        this.hss = hss;
        this.identities = identities;
    }

    /**
     * Service profile {@code name} was replaced: every identity an S-CSCF holds with it is pushed, from a thread of
     * its own, since a profile many users share makes many pushes and the admin request need not wait for them.
     */
    void serviceProfileChanged(String name) {
        inBackground("service profile " + name, () -> identities.assignedIdentitiesWithProfile(name));
    }

    /** iFC template {@code name} was replaced: as {@link #serviceProfileChanged}, for every profile using it. */
    void ifcTemplateChanged(String name) {
        inBackground("iFC template " + name, () -> identities.assignedIdentitiesWithIfcTemplate(name));
    }

    private void inBackground(String what, Supplier<List<Impu>> users) {
        Optional<CxNotifier> notifier = hss.get();
        if (notifier.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("profile-pushes").start(() -> {
            List<Impu> impus;
            try {
                impus = users.get();
            } catch (RuntimeException e) {
                LOG.warn("{} changed, but the identities using it were not found: {}", what, e.toString());
                return;
            }
            LOG.info("{} changed: pushing the profile of {} registered identities", what, impus.size());
            impus.forEach(impu -> push(notifier.get(), impu));
        });
    }

    /** The profiles of {@code impus} changed; each registered one is pushed to its S-CSCF. */
    void changed(Collection<String> impus) {
        Optional<CxNotifier> notifier = hss.get();
        if (notifier.isEmpty()) {
            return;
        }
        for (String text : impus) {
            try {
                push(notifier.get(), new Impu(text));
            } catch (RuntimeException e) {
                LOG.warn("profile of {} not pushed: {}", text, e.toString());
            }
        }
    }

    /** Sends PPR for {@code impu} if an S-CSCF holds it; the outcome is logged, not waited for. */
    private static void push(CxNotifier notifier, Impu impu) {
        try {
            notifier.servingScscf(impu).ifPresent(target -> notifier
                    .pushProfile(target.diameterHost(), target.impi(), impu)
                    .whenComplete((answer, failure) -> {
                        if (failure != null) {
                            LOG.warn("profile of {} not pushed to {}: {}", impu.uri(), target.diameterHost(),
                                    failure.toString());
                        } else if (answer.result().map(r -> !r.isSuccess()).orElse(true)) {
                            LOG.warn("profile of {} refused by {}: result {}", impu.uri(),
                                    target.diameterHost(), answer.result().map(Object::toString).orElse("none"));
                        } else {
                            LOG.info("profile of {} pushed to {}", impu.uri(), target.diameterHost());
                        }
                    }));
        } catch (RuntimeException e) {
            LOG.warn("profile of {} not pushed: {}", impu.uri(), e.toString());
        }
    }
}
