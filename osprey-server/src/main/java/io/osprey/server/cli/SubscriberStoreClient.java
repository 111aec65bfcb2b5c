package io.osprey.server.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.osprey.hss.provisioning.ProvisioningService;
import io.osprey.hss.store.SubscriberStore;
import io.osprey.server.admin.AdminException;
import io.osprey.server.admin.AdminRequest;
import io.osprey.server.admin.AdminResponse;
import io.osprey.server.admin.SubscriberEndpoints;

/**
 * {@link SubscriberClient} straight to a subscriber store ({@code --db}), through the same endpoint code as the
 * admin API so both give the same answers and the same problems. Closes the store when closed.
 */
final class SubscriberStoreClient implements SubscriberClient {

    private final SubscriberStore store;
    private final SubscriberEndpoints endpoints;
    private final ObjectMapper json;

    SubscriberStoreClient(SubscriberStore store, String homeDomain, ObjectMapper json) {
        this.store = store;
        this.endpoints = new SubscriberEndpoints(new ProvisioningService(store, homeDomain));
        this.json = json;
    }

    @Override
    public JsonNode send(Operation operation, String id, String item, String query, String contentType, byte[] body)
            throws SubscriberClientException {
        String parameter = operation.pathParameter(id, item);
        AdminRequest request = new AdminRequest(operation.method, "/api/v1/subscribers" + operation.path
                + (parameter == null ? "" : parameter), parameter, query, contentType,
                body == null ? new byte[0] : body, json);
        try {
            AdminResponse response = switch (operation) {
                case LIST -> endpoints.list(request);
                case CREATE -> endpoints.create(request);
                case SHOW -> endpoints.show(request);
                case UPDATE -> endpoints.update(request);
                case DELETE -> endpoints.delete(request);
                case IMPORT -> endpoints.importCsv(request);
                case ADD_PUBLIC_IDENTITY -> endpoints.addPublicIdentity(request);
                case REMOVE_PUBLIC_IDENTITY -> endpoints.removePublicIdentity(request);
                case ADD_PRIVATE_IDENTITY -> endpoints.addPrivateIdentity(request);
                case REMOVE_PRIVATE_IDENTITY -> endpoints.removePrivateIdentity(request);
            };
            return response.body() == null ? null : json.valueToTree(response.body());
        } catch (AdminException e) {
            throw new SubscriberClientException(e.problem().status(), e.problem().field(), e.problem().detail());
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
