package io.osprey.diameter.peer;

import io.osprey.diameter.dictionary.DiameterApplication;
import io.osprey.diameter.message.LocalIdentity;
import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * What this node announces in CER and CEA (RFC 6733 §5.3): identity, Vendor-Id, Product-Name, Origin-State-Id,
 * Firmware-Revision, the applications it supports and whether it relays every application.
 *
 * @param hostAddresses      Host-IP-Address values; empty to announce the local address of each connection
 * @param originStateId      Origin-State-Id, which must grow at each restart (RFC 6733 §8.16); 0 to send none
 * @param firmwareRevision   Firmware-Revision, or -1 to send none
 * @param supportedVendorIds Supported-Vendor-Id values besides the vendors of {@code applications}
 * @param relay              announce the relay application (0xffffffff), which every peer has in common
 */
public record LocalCapabilities(LocalIdentity identity, List<InetAddress> hostAddresses, long vendorId,
                                String productName, long originStateId, long firmwareRevision,
                                List<Long> supportedVendorIds, List<DiameterApplication> applications, boolean relay) {

    public LocalCapabilities {
        Objects.requireNonNull(identity, "identity");
        hostAddresses = List.copyOf(hostAddresses);
        supportedVendorIds = List.copyOf(supportedVendorIds);
        applications = List.copyOf(applications);
        unsigned32("vendorId", vendorId);
        unsigned32("originStateId", originStateId);
        if (firmwareRevision != -1) {
            unsigned32("firmwareRevision", firmwareRevision);
        }
        for (long vendor : supportedVendorIds) {
            unsigned32("supportedVendorIds", vendor);
        }
        Objects.requireNonNull(productName, "productName");
        if (productName.isEmpty()) {
            throw new IllegalArgumentException("productName must not be empty");
        }
    }

    public String originHost() {
        return identity.originHost();
    }

    public String originRealm() {
        return identity.originRealm();
    }

    /** Whether the node serves or relays {@code applicationId}; the common application 0 always. */
    public boolean supports(long applicationId) {
        if (applicationId == 0 || relay) {
            return true;
        }
        for (DiameterApplication app : applications) {
            if (app.id() == applicationId) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two nodes share an application (RFC 6733 §5.3: otherwise 5010 DIAMETER_NO_COMMON_APPLICATION). */
    public boolean hasCommonApplication(PeerCapabilities peer) {
        if (relay || peer.relay()) {
            return true;
        }
        for (DiameterApplication app : applications) {
            if (app.kind() != DiameterApplication.Kind.COMMON && peer.supports(app.id())) {
                return true;
            }
        }
        return false;
    }

    private static void unsigned32(String name, long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException(name + " must be 0.." + 0xFFFF_FFFFL + ", was " + value);
        }
    }
}
