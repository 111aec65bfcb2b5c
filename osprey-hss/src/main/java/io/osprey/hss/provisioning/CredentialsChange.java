package io.osprey.hss.provisioning;

/**
 * A change to the credentials of one private identity; null fields stay as they are. {@code k} alone keeps
 * the stored OP/OPc, {@code op} or {@code opc} alone keeps the stored K, and a new {@code amf} keeps both.
 * The allowed schemes follow what is provisioned afterwards (AKA keys: AKAv1/AKAv2-MD5; a password: digest).
 *
 * @param k        32 hex digits
 * @param op       32 hex digits (replaces OP or OPc)
 * @param opc      32 hex digits (replaces OP or OPc)
 * @param amf      4 hex digits
 * @param sqn      SQN of the next vector
 * @param password new SIP digest password
 */
public record CredentialsChange(String k, String op, String opc, String amf, Long sqn, String password) {

    /** Whether any field is set. */
    public boolean isEmpty() {
        return k == null && op == null && opc == null && amf == null && sqn == null && password == null;
    }

    @Override
    public String toString() {
        return "CredentialsChange[k=" + (k == null ? "null" : "<redacted>") + ", op="
                + (op == null ? "null" : "<redacted>") + ", opc=" + (opc == null ? "null" : "<redacted>")
                + ", amf=" + amf + ", sqn=" + sqn + ", password=" + (password == null ? "null" : "<redacted>") + "]";
    }
}
