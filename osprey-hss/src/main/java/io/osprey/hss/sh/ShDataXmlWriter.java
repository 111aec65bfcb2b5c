package io.osprey.hss.sh;

import io.osprey.hss.model.RepositoryData;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes an Sh-Data document (TS 29.328 Annex D, ShDataType.xsd) for the Sh User-Data AVP. Element names and
 * order follow the schema's sequences: Sh-Data {PublicIdentifiers, RepositoryData*, Sh-IMS-Data};
 * PublicIdentifiers {IMSPublicIdentity*}; RepositoryData {ServiceIndication, SequenceNumber, ServiceData?};
 * Sh-IMS-Data {SCSCFName?, IFCs?, IMSUserState?}. The S-CSCF element of tShIMSData is {@code SCSCFName}, without
 * the hyphen the Data-Reference value S-CSCFName has. There is no XML namespace. ServiceData content and iFC
 * elements are already XML and are written as they are.
 */
public final class ShDataXmlWriter {

    private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private ShDataXmlWriter() {
    }

    public static byte[] writeBytes(ShData data) {
        return write(data).getBytes(StandardCharsets.UTF_8);
    }

    public static String write(ShData data) {
        StringBuilder out = new StringBuilder(512).append(PROLOG).append("<Sh-Data>");
        if (!data.publicIdentities().isEmpty()) {
            out.append("<PublicIdentifiers>");
            for (String identity : data.publicIdentities()) {
                element(out, "IMSPublicIdentity", identity);
            }
            out.append("</PublicIdentifiers>");
        }
        for (RepositoryData item : data.repositoryData()) {
            out.append("<RepositoryData>");
            element(out, "ServiceIndication", item.serviceIndication());
            element(out, "SequenceNumber", Integer.toString(item.sequenceNumber()));
            item.serviceData().ifPresent(xml -> out.append("<ServiceData>").append(xml).append("</ServiceData>"));
            out.append("</RepositoryData>");
        }
        data.imsData().ifPresent(ims -> writeImsData(out, ims));
        return out.append("</Sh-Data>").toString();
    }

    private static void writeImsData(StringBuilder out, ShData.ImsData ims) {
        out.append("<Sh-IMS-Data>");
        ims.scscfName().ifPresent(name -> element(out, "SCSCFName", name));
        ims.filterCriteriaXml().ifPresent(ifcs -> writeIfcs(out, ifcs));
        ims.userState().ifPresent(state -> element(out, "IMSUserState", Integer.toString(state.code())));
        out.append("</Sh-IMS-Data>");
    }

    private static void writeIfcs(StringBuilder out, List<String> ifcs) {
        out.append("<IFCs>");
        ifcs.forEach(out::append);
        out.append("</IFCs>");
    }

    private static void element(StringBuilder out, String name, String text) {
        out.append('<').append(name).append('>');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        throw new IllegalArgumentException("character U+" + Integer.toHexString(c)
                                + " cannot appear in Sh-Data element " + name);
                    }
                    out.append(c);
                }
            }
        }
        out.append("</").append(name).append('>');
    }
}
