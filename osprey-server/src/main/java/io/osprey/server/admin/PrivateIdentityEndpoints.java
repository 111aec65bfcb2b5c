package io.osprey.server.admin;

import io.osprey.hss.provisioning.NewPrivateIdentity;
import io.osprey.hss.provisioning.ProvisioningException;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.provisioning.SubscriberView;
import io.osprey.hss.store.StoreException;

/**
 * The private identities of one subscriber (TS 23.228 §4.3.3.4):
 *
 * <pre>
 *   POST   /api/v1/subscribers/{impi}/private-identities               add one (201); body: impi and credentials
 *   DELETE /api/v1/subscribers/{impi}/private-identities/{other-impi}  remove one (204); the last one stays
 * </pre>
 * A new private identity may use every public user identity of the subscriber. Its K, OP, OPc and password are
 * write-only. The path parameter the admin server passes is the path from {@code {impi}} on. Refusals: 400
 * invalid (body field), 404 unknown subscriber ({@code impi}) or identity ({@code other-impi}), 409 existing
 * identity ({@code impi}) or one that must stay ({@code other-impi}).
 */
final class PrivateIdentityEndpoints {

    static final String COLLECTION = "private-identities";
    /** The field problems name for the private identity in the DELETE path. */
    static final String ITEM_FIELD = "other-impi";

    private final ProvisioningService provisioning;

    PrivateIdentityEndpoints(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    AdminResponse add(AdminRequest request) throws AdminException {
        // The path parameter is everything from {impi} on: "<impi>/private-identities".
        String rest = request.pathParameter();
        String subscriber = rest.substring(0, rest.indexOf('/'));
        NewPrivateIdentity identity = SubscriberJson.newPrivateIdentity(SubscriberEndpoints.jsonObject(request));
        SubscriberView owner = call(() -> provisioning.findSubscriber(subscriber), false);
        return call(() -> new AdminResponse(201, SubscriberJson.privateIdentity(
                provisioning.addPrivateIdentity(owner.subscription().id(), identity))), false);
    }

    AdminResponse remove(AdminRequest request) throws AdminException {
        // The path parameter is everything from {impi} on: "<impi>/private-identities/<other-impi>".
        String rest = request.pathParameter();
        int slash = rest.indexOf('/');
        String subscriber = rest.substring(0, slash);
        String impi = rest.substring(slash + 1 + COLLECTION.length() + 1);
        SubscriberView owner = call(() -> provisioning.findSubscriber(subscriber), false);
        return call(() -> {
            provisioning.removePrivateIdentity(owner.subscription().id(), impi);
            return AdminResponse.noContent();
        }, true);
    }

    /**
     * A provisioning call whose refusal becomes a problem; a subscriber not found is {@code impi}, and with
     * {@code fieldIsItem} every field the service names is the path's {@value #ITEM_FIELD}.
     */
    private static <T> T call(PrivateIdentityCall<T> action, boolean fieldIsItem) throws AdminException {
        try {
            return action.run();
        } catch (ProvisioningException e) {
            Problem problem = SubscriberEndpoints.problem(e, "", "impi");
            if (fieldIsItem && e.field().isPresent()) {
                problem = new Problem(problem.type(), problem.title(), problem.status(), problem.detail(), ITEM_FIELD);
            }
            throw new AdminException(problem);
        } catch (StoreException e) {
            throw new AdminException(SubscriberEndpoints.unavailable());
        }
    }

    @FunctionalInterface
    private interface PrivateIdentityCall<T> {
        T run();
    }
}
