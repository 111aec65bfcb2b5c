package io.osprey.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.osprey.hss.provisioning.ProvisioningException;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.provisioning.PublicIdentityChange;
import io.osprey.hss.provisioning.SubscriberView;
import io.osprey.hss.store.StoreException;

/**
 * The public identities of one subscriber (TS 23.228 §4.3.3.2):
 *
 * <pre>
 *   POST   /api/v1/subscribers/{impi}/public-identities          add one (201); body like a PATCH publicIdentities item
 *   DELETE /api/v1/subscribers/{impi}/public-identities/{impu}   remove one (204); the last SIP URI of an IMPI stays
 * </pre>
 * The path parameter the admin server passes is the path from {@code {impi}} on. Refusals: 400 invalid,
 * 404 unknown subscriber ({@code impi}) or identity ({@code impu}), 409 existing or last identity ({@code impu}).
 */
final class IdentityEndpoints {

    static final String COLLECTION = "public-identities";

    private final ProvisioningService provisioning;

    IdentityEndpoints(ProvisioningService provisioning) {
        this.provisioning = provisioning;
    }

    AdminResponse add(AdminRequest request) throws AdminException {
        // The path parameter is everything from {impi} on: "<impi>/public-identities".
        String rest = request.pathParameter();
        String subscriber = rest.substring(0, rest.indexOf('/'));
        JsonNode body = SubscriberEndpoints.jsonObject(request);
        PublicIdentityChange settings = SubscriberJson.publicIdentityChange(body, "");
        String impu = body.get("impu").textValue();
        SubscriberView owner = call("impi", () -> provisioning.findSubscriber(subscriber));
        return call("impu", () -> new AdminResponse(201, SubscriberJson.publicIdentity(
                provisioning.addPublicIdentity(owner.subscription().id(), impu, settings))));
    }

    AdminResponse remove(AdminRequest request) throws AdminException {
        // The path parameter is everything from {impi} on: "<impi>/public-identities/<impu>".
        String rest = request.pathParameter();
        int slash = rest.indexOf('/');
        String subscriber = rest.substring(0, slash);
        String impu = rest.substring(slash + 1 + COLLECTION.length() + 1);
        SubscriberView owner = call("impi", () -> provisioning.findSubscriber(subscriber));
        return call("impu", () -> {
            provisioning.removePublicIdentity(owner.subscription().id(), impu);
            return AdminResponse.noContent();
        });
    }

    private static <T> T call(String notFoundField, IdentityCall<T> action) throws AdminException {
        try {
            return action.run();
        } catch (ProvisioningException e) {
            throw new AdminException(SubscriberEndpoints.problem(e, "", notFoundField));
        } catch (StoreException e) {
            throw new AdminException(SubscriberEndpoints.unavailable());
        }
    }

    @FunctionalInterface
    private interface IdentityCall<T> {
        T run();
    }
}
