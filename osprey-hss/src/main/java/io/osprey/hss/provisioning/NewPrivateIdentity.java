package io.osprey.hss.provisioning;

/**
 * A request to add one more private identity to an existing subscription (TS 23.228 §4.3.3.1, §4.3.3.4), with
 * AKA keys and/or a digest password. Fields are raw text as an operator typed them (null when absent); the
 * {@link ProvisioningService} validates them and names the bad field, as for {@link NewSubscriber}.
 *
 * @param impi     private identity, {@code user@realm} (required)
 * @param k        32 hex digits; with exactly one of {@code op} and {@code opc}
 * @param op       32 hex digits
 * @param opc      32 hex digits
 * @param amf      4 hex digits; default {@code 8000}
 * @param sqn      SQN of the first vector; default 0
 * @param password SIP digest password
 */
public record NewPrivateIdentity(String impi, String k, String op, String opc, String amf, Long sqn,
                                 String password) {

    /** A request for {@code impi} with a digest password only. */
    public static NewPrivateIdentity withPassword(String impi, String password) {
        return new NewPrivateIdentity(impi, null, null, null, null, null, password);
    }

    /** A request for {@code impi} with AKA keys K and OPc and the default AMF. */
    public static NewPrivateIdentity withAkaOpc(String impi, String k, String opc) {
        return new NewPrivateIdentity(impi, k, null, opc, null, null, null);
    }

    @Override
    public String toString() {
        return "NewPrivateIdentity[impi=" + impi + ", k=" + redact(k) + ", op=" + redact(op) + ", opc=" + redact(opc)
                + ", amf=" + amf + ", sqn=" + sqn + ", password=" + redact(password) + "]";
    }

    private static String redact(String secret) {
        return secret == null ? "null" : "<redacted>";
    }
}
