package io.osprey.hss.sh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.RepositoryData;
import io.osprey.hss.sh.ShDataXmlParser.ShDataException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShDataXmlTest {

    @Test
    void writesSchemaOrderAndEscapesText() {
        ShData data = new ShData(List.of("sip:a&b@x", "tel:+15550100"),
                List.of(new RepositoryData("svc<1>", 7, Optional.of("<cfu>on</cfu>"))),
                Optional.of(new ShData.ImsData(Optional.of("sip:scscf.x"), Optional.of(List.of("<InitialFilterCriteria/>")),
                        Optional.of(ShData.ImsUserState.REGISTERED_UNREG_SERVICES))));

        assertThat(ShDataXmlWriter.write(data)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Sh-Data>"
                + "<PublicIdentifiers><IMSPublicIdentity>sip:a&amp;b@x</IMSPublicIdentity>"
                + "<IMSPublicIdentity>tel:+15550100</IMSPublicIdentity></PublicIdentifiers>"
                + "<RepositoryData><ServiceIndication>svc&lt;1&gt;</ServiceIndication><SequenceNumber>7</SequenceNumber>"
                + "<ServiceData><cfu>on</cfu></ServiceData></RepositoryData>"
                + "<Sh-IMS-Data><SCSCFName>sip:scscf.x</SCSCFName><IFCs><InitialFilterCriteria/></IFCs>"
                + "<IMSUserState>2</IMSUserState></Sh-IMS-Data></Sh-Data>");
    }

    @Test
    void parsesRepositoryDataWithAndWithoutServiceData() throws ShDataException {
        String xml = "<?xml version=\"1.0\"?><Sh-Data>\n <RepositoryData><ServiceIndication>cdiv</ServiceIndication>"
                + "<SequenceNumber>12</SequenceNumber><ServiceData><a x=\"1\">t&amp;u</a><b/></ServiceData>"
                + "</RepositoryData><RepositoryData><ServiceIndication>old</ServiceIndication>"
                + "<SequenceNumber>65535</SequenceNumber></RepositoryData></Sh-Data>";

        List<RepositoryData> items = ShDataXmlParser.repositoryData(xml.getBytes(StandardCharsets.UTF_8));

        assertThat(items).containsExactly(
                new RepositoryData("cdiv", 12, Optional.of("<a x=\"1\">t&amp;u</a><b/>")),
                new RepositoryData("old", 65535, Optional.empty()));
    }

    @Test
    void refusesDoctypesOtherPartsBadOrderAndRanges() {
        assertRefused("<!DOCTYPE Sh-Data [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Sh-Data>&x;</Sh-Data>",
                "not well-formed");
        assertRefused("<Sh-Data><Sh-IMS-Data><IMSUserState>1</IMSUserState></Sh-IMS-Data></Sh-Data>",
                "Sh-IMS-Data cannot be updated");
        assertRefused("<Sh-Data><RepositoryData><SequenceNumber>1</SequenceNumber>"
                + "<ServiceIndication>a</ServiceIndication></RepositoryData></Sh-Data>", "in that order");
        assertRefused("<Sh-Data><RepositoryData><ServiceIndication>a</ServiceIndication>"
                + "<SequenceNumber>65536</SequenceNumber></RepositoryData></Sh-Data>", "65536");
        assertRefused("<Sh-Data/>", "no RepositoryData");
        assertRefused("<IMSSubscription/>", "expected Sh-Data");
        assertThatThrownBy(() -> ShDataXmlParser.repositoryData(new byte[ShDataXmlParser.MAX_DOCUMENT_OCTETS + 1]))
                .isInstanceOf(ShDataException.class).hasMessageContaining("limit 131072");
    }

    @Test
    void sequenceNumbersWrapToOneNotZero() {
        assertThat(RepositoryData.nextSequenceNumber(0)).isEqualTo(1);
        assertThat(RepositoryData.nextSequenceNumber(41)).isEqualTo(42);
        assertThat(RepositoryData.nextSequenceNumber(65535)).isEqualTo(1);
    }

    @Test
    void msisdnTbcdBecomesTelUri() {
        // 15550100 in TBCD: digit pairs swapped per octet
        assertThat(ShUserIdentity.telUri(new byte[] {0x51, 0x55, 0x10, 0x00})).contains("tel:+15550100");
        // odd digit count ends with the 0xF filler
        assertThat(ShUserIdentity.telUri(new byte[] {0x21, (byte) 0xF3})).contains("tel:+123");
        assertThat(ShUserIdentity.telUri(new byte[] {(byte) 0xA1})).isEmpty();
        assertThat(ShUserIdentity.telUri(new byte[0])).isEmpty();
    }

    private static void assertRefused(String xml, String message) {
        assertThatThrownBy(() -> ShDataXmlParser.repositoryData(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ShDataException.class).hasMessageContaining(message);
    }
}
