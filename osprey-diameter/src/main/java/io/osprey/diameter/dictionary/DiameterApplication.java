package io.osprey.diameter.dictionary;

import java.util.Objects;

/**
 * A Diameter application (RFC 6733 §2.4): the Application-Id carried in the header, and how a request of
 * it announces itself. 3GPP Cx and Sh use Vendor-Specific-Application-Id {Vendor-Id, Auth-Application-Id}
 * and Auth-Session-State NO_STATE_MAINTAINED; Rx and Ro use a plain Auth-Application-Id; Rf (base
 * accounting) uses Acct-Application-Id; the common application 0 (CER, DWR, DPR) uses none.
 *
 * @param authSessionState the Auth-Session-State value requests carry, or -1 to send none
 */
public record DiameterApplication(long id, String name, long vendorId, Kind kind, boolean vendorSpecificIdAvp,
                                  int authSessionState) {

    /** What the application is for; decides between Auth- and Acct-Application-Id. */
    public enum Kind {
        /** Application 0: base protocol messages between peers. */
        COMMON,
        AUTH,
        ACCOUNTING
    }

    public DiameterApplication {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (id < 0 || id > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("application id of " + name + " must be 0.." + 0xFFFF_FFFFL + ", was " + id);
        }
        if (vendorSpecificIdAvp && vendorId == 0) {
            throw new IllegalArgumentException(name + ": Vendor-Specific-Application-Id needs a vendor id");
        }
    }

    @Override
    public String toString() {
        return name + "(" + id + ")";
    }
}
