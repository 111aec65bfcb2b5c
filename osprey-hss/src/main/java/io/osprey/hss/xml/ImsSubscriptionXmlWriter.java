package io.osprey.hss.xml;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.ServiceProfile;
import java.nio.charset.StandardCharsets;

/**
 * Writes the IMSSubscription user profile document (TS 29.228 Annex D/E, CxDataType) for the Cx User-Data AVP:
 * UTF-8, no namespace, no indentation, children in the schema's sequence order. Optional elements are left
 * out when they carry their default (BarringIndication 0, no extension data). Stateless and thread-safe.
 */
public final class ImsSubscriptionXmlWriter {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /** The document as text. */
    public String write(ImsSubscription subscription) {
        XmlOutput out = new XmlOutput(1024);
        out.raw(PROLOG).open("IMSSubscription").element("PrivateID", subscription.privateId().value());
        for (ServiceProfile profile : subscription.serviceProfiles()) {
            writeProfile(out, profile);
        }
        return out.close("IMSSubscription").toString();
    }

    /** The document as the UTF-8 octets of the User-Data AVP. */
    public byte[] writeBytes(ImsSubscription subscription) {
        return write(subscription).getBytes(StandardCharsets.UTF_8);
    }

    /** One {@code <InitialFilterCriteria>} element on its own (the store keeps iFCs in this form). */
    public String writeFilterCriteria(InitialFilterCriteria ifc) {
        XmlOutput out = new XmlOutput(256);
        FilterCriteriaXmlWriter.write(out, ifc);
        return out.toString();
    }

    private static void writeProfile(XmlOutput out, ServiceProfile profile) {
        out.open("ServiceProfile");
        for (PublicIdentity identity : profile.publicIdentities()) {
            writeIdentity(out, identity);
        }
        profile.subscribedMediaProfileId().ifPresent(id -> out.open("CoreNetworkServicesAuthorization")
                .element("SubscribedMediaProfileId", id).close("CoreNetworkServicesAuthorization"));
        for (InitialFilterCriteria ifc : profile.filterCriteria()) {
            FilterCriteriaXmlWriter.write(out, ifc);
        }
        if (!profile.sharedIfcSetIds().isEmpty()) {
            out.open("Extension");
            for (int id : profile.sharedIfcSetIds()) {
                out.element("SharedIFCSetID", id);
            }
            out.close("Extension");
        }
        out.close("ServiceProfile");
    }

    private static void writeIdentity(XmlOutput out, PublicIdentity identity) {
        out.open("PublicIdentity");
        if (identity.barred()) {
            out.element("BarringIndication", true);
        }
        out.element("Identity", identity.identity().uri());
        boolean rel8 = identity.displayName().isPresent() || identity.aliasGroupId().isPresent();
        if (identity.identityType().code() != 0 || identity.wildcardedPsi().isPresent() || rel8) {
            out.open("Extension").element("IdentityType", identity.identityType().code());
            identity.wildcardedPsi().ifPresent(wildcard -> out.element("WildcardedPSI", wildcard));
            if (rel8) {
                out.open("Extension");
                identity.displayName().ifPresent(name -> out.element("DisplayName", name));
                identity.aliasGroupId().ifPresent(group -> out.element("AliasIdentityGroupID", group));
                out.close("Extension");
            }
            out.close("Extension");
        }
        out.close("PublicIdentity");
    }
}
