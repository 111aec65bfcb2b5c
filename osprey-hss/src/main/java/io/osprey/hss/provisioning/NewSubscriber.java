package io.osprey.hss.provisioning;

import java.util.List;

/**
 * A request to add one subscriber: a private identity, its default public identity and optionally a tel URI
 * in the same implicit registration set, with AKA keys and/or a digest password, and a service profile or
 * iFC templates. Fields are raw text as an operator typed them (null when absent); the
 * {@link ProvisioningService} validates them and names the bad field.
 *
 * @param impi           private identity, {@code user@realm} (required)
 * @param impu           default public identity, a sip: URI (required)
 * @param tel            a tel URI registered together with {@code impu}
 * @param subscriptionId id of the new subscription; defaults to {@code impi}
 * @param k              32 hex digits; with exactly one of {@code op} and {@code opc}
 * @param op             32 hex digits
 * @param opc            32 hex digits
 * @param amf            4 hex digits; default {@code 8000}
 * @param sqn            SQN of the first vector; default 0
 * @param password       SIP digest password
 * @param profile        name of an existing service profile
 * @param ifcTemplates   names of iFC templates; the subscriber gets a shared profile named after them
 */
public record NewSubscriber(
        String impi,
        String impu,
        String tel,
        String subscriptionId,
        String k,
        String op,
        String opc,
        String amf,
        Long sqn,
        String password,
        String profile,
        List<String> ifcTemplates) {

    public NewSubscriber {
        ifcTemplates = ifcTemplates == null ? List.of() : List.copyOf(ifcTemplates);
    }

    /** A request with only the two required identities. */
    public static NewSubscriber of(String impi, String impu) {
        return new NewSubscriber(impi, impu, null, null, null, null, null, null, null, null, null, List.of());
    }

    /** With AKA keys: K and OPc. */
    public NewSubscriber withAkaOpc(String newK, String newOpc) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, newK, null, newOpc, amf, sqn, password, profile,
                ifcTemplates);
    }

    /** With AKA keys: K and OP. */
    public NewSubscriber withAkaOp(String newK, String newOp) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, newK, newOp, null, amf, sqn, password, profile,
                ifcTemplates);
    }

    public NewSubscriber withAmf(String newAmf) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, k, op, opc, newAmf, sqn, password, profile,
                ifcTemplates);
    }

    public NewSubscriber withSqn(long newSqn) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, k, op, opc, amf, newSqn, password, profile,
                ifcTemplates);
    }

    public NewSubscriber withPassword(String newPassword) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, k, op, opc, amf, sqn, newPassword, profile,
                ifcTemplates);
    }

    public NewSubscriber withTel(String newTel) {
        return new NewSubscriber(impi, impu, newTel, subscriptionId, k, op, opc, amf, sqn, password, profile,
                ifcTemplates);
    }

    public NewSubscriber withSubscriptionId(String newSubscriptionId) {
        return new NewSubscriber(impi, impu, tel, newSubscriptionId, k, op, opc, amf, sqn, password, profile,
                ifcTemplates);
    }

    public NewSubscriber withProfile(String newProfile) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, k, op, opc, amf, sqn, password, newProfile,
                ifcTemplates);
    }

    public NewSubscriber withIfcTemplates(List<String> newTemplates) {
        return new NewSubscriber(impi, impu, tel, subscriptionId, k, op, opc, amf, sqn, password, profile,
                newTemplates);
    }

    @Override
    public String toString() {
        return "NewSubscriber[impi=" + impi + ", impu=" + impu + ", tel=" + tel + ", subscriptionId=" + subscriptionId
                + ", k=" + redact(k) + ", op=" + redact(op) + ", opc=" + redact(opc) + ", amf=" + amf + ", sqn=" + sqn
                + ", password=" + redact(password) + ", profile=" + profile + ", ifcTemplates=" + ifcTemplates + "]";
    }

    private static String redact(String secret) {
        return secret == null ? "null" : "<redacted>";
    }
}
