package io.osprey.diameter.peer;

import io.osprey.diameter.dictionary.BaseDictionary;
import io.osprey.diameter.message.Avp;
import io.osprey.diameter.message.DiameterMessage;
import java.util.HashSet;
import java.util.Set;

/**
 * What a peer announced in its CER or CEA (RFC 6733 §5.3): identity, vendor, product, Origin-State-Id and the
 * applications it supports, from Auth-Application-Id, Acct-Application-Id and Vendor-Specific-Application-Id.
 *
 * @param originStateId the peer's Origin-State-Id, or -1 when it sent none
 * @param relay         whether the peer announced the relay application 0xffffffff
 */
public record PeerCapabilities(String host, String realm, long vendorId, String productName, long originStateId,
                               Set<Long> applicationIds, boolean relay) {

    /** The relay Application-Id (RFC 6733 §2.4), which means "every application". */
    public static final long RELAY_APPLICATION_ID = 0xFFFF_FFFFL;

    public PeerCapabilities {
        applicationIds = Set.copyOf(applicationIds);
    }

    /**
     * Reads a CER or CEA that passed the validator, so Origin-Host, Origin-Realm, Vendor-Id and Product-Name are
     * present.
     */
    public static PeerCapabilities of(DiameterMessage capabilitiesExchange) {
        if (capabilitiesExchange.commandCode() != BaseDictionary.CAPABILITIES_EXCHANGE.code()) {
            throw new IllegalArgumentException("not a CER or CEA: " + capabilitiesExchange);
        }
        Set<Long> apps = new HashSet<>();
        boolean relay = false;
        for (Avp avp : capabilitiesExchange.avps()) {
            long id = -1;
            if (avp.is(BaseDictionary.AUTH_APPLICATION_ID) || avp.is(BaseDictionary.ACCT_APPLICATION_ID)) {
                id = avp.asUnsigned32();
            } else if (avp.is(BaseDictionary.VENDOR_SPECIFIC_APPLICATION_ID) && avp.isGrouped()) {
                for (Avp member : avp.asGrouped()) {
                    if (member.is(BaseDictionary.AUTH_APPLICATION_ID) || member.is(BaseDictionary.ACCT_APPLICATION_ID)) {
                        apps.add(member.asUnsigned32());
                        relay |= member.asUnsigned32() == RELAY_APPLICATION_ID;
                    }
                }
            }
            if (id >= 0) {
                apps.add(id);
                relay |= id == RELAY_APPLICATION_ID;
            }
        }
        return new PeerCapabilities(
                required(capabilitiesExchange, BaseDictionary.ORIGIN_HOST.code()).asDiameterIdentity(),
                required(capabilitiesExchange, BaseDictionary.ORIGIN_REALM.code()).asDiameterIdentity(),
                capabilitiesExchange.avp(BaseDictionary.VENDOR_ID).map(Avp::asUnsigned32).orElse(0L),
                capabilitiesExchange.avp(BaseDictionary.PRODUCT_NAME).map(Avp::asUtf8).orElse(""),
                capabilitiesExchange.avp(BaseDictionary.ORIGIN_STATE_ID).map(Avp::asUnsigned32).orElse(-1L),
                apps, relay);
    }

    private static Avp required(DiameterMessage message, int code) {
        return message.avp(code).orElseThrow(() -> new IllegalArgumentException(
                "capabilities exchange lacks AVP " + code + ": " + message));
    }

    /** Whether the peer announced {@code applicationId} or relays everything; application 0 always. */
    public boolean supports(long applicationId) {
        return applicationId == 0 || relay || applicationIds.contains(applicationId);
    }
}
