package io.osprey.sip.regevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegInfoXmlParserTest {

    private static final String NS = "xmlns=\"urn:ietf:params:xml:ns:reginfo\"";

    private static String doc(String registrations) {
        return "<reginfo " + NS + " version=\"1\" state=\"full\">" + registrations + "</reginfo>";
    }

    private static String reg(String contacts) {
        return "<registration aor=\"sip:a@example.com\" id=\"r\" state=\"active\">" + contacts + "</registration>";
    }

    private static String contact(String attributes, String body) {
        return "<contact id=\"c\" state=\"active\" event=\"registered\"" + attributes + ">" + body + "</contact>";
    }

    private static RegInfoParseException refused(String document) {
        return catchThrowableOfType(RegInfoParseException.class, () -> RegInfoXmlParser.parse(document));
    }

    @Test
    void refusesAnExternalEntity() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE reginfo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + doc(reg(contact("", "<uri>&x;</uri>")));

        assertThatThrownBy(() -> RegInfoXmlParser.parse(xxe))
                .isInstanceOf(RegInfoParseException.class)
                .hasMessageNotContaining("root:x:0:0");
    }

    @Test
    void refusesAnyDtd() {
        RegInfoParseException e = refused("<!DOCTYPE reginfo>" + doc(""));

        assertThat(e).isNotNull();
        assertThat(e.problem()).containsIgnoringCase("DTD");
    }

    @Test
    void refusesEntityExpansion() {
        String lol = "<!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
                + doc(reg(contact("", "<uri>&b;</uri>")));

        assertThatThrownBy(() -> RegInfoXmlParser.parse(lol)).isInstanceOf(RegInfoParseException.class);
    }

    @Test
    void refusesTheWrongRootOrNamespace() {
        assertThat(refused("<reginfo version=\"1\" state=\"full\"/>").problem()).contains("namespace");
        assertThat(refused("<reginfo xmlns=\"urn:example\" version=\"1\" state=\"full\"/>").problem())
                .contains("namespace");
        assertThat(refused("<registration " + NS + " aor=\"x\" id=\"1\" state=\"init\"/>").problem())
                .contains("root element");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<reginfo " + NS + " state=\"full\"/>|missing attribute version",
        "<reginfo " + NS + " version=\"1\"/>|missing attribute state",
        "<reginfo " + NS + " version=\"-1\" state=\"full\"/>|version must be an unsigned integer",
        "<reginfo " + NS + " version=\"1x\" state=\"full\"/>|version must be an unsigned integer",
        "<reginfo " + NS + " version=\"99999999999999999999\" state=\"full\"/>|larger than",
        "<reginfo " + NS + " version=\"1\" state=\"FULL\"/>|state must be full or partial",
        "<reginfo " + NS + " version=\"1\" state=\"full\"><bogus/></reginfo>|unexpected element bogus",
        "<reginfo " + NS + " version=\"1\" state=\"full\">text</reginfo>|text is not allowed",
    })
    void refusesBadRootContent(String document, String problem) {
        assertThat(refused(document).problem()).contains(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<registration id=\"r\" state=\"active\"/>|missing attribute aor",
        "<registration aor=\" \" id=\"r\" state=\"active\"/>|aor is empty",
        "<registration aor=\"sip:a@b\" state=\"active\"/>|missing attribute id",
        "<registration aor=\"sip:a@b\" id=\"r\" state=\"gone\"/>|state must be init, active or terminated",
    })
    void refusesBadRegistrations(String registration, String problem) {
        RegInfoParseException e = refused(doc(registration));

        assertThat(e.problem()).contains(problem);
        assertThat(e.path()).isEqualTo("reginfo/registration[1]");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<contact state=\"active\" event=\"registered\"><uri>sip:x@y</uri></contact>|missing attribute id",
        "<contact id=\"c\" event=\"registered\"><uri>sip:x@y</uri></contact>|missing attribute state",
        "<contact id=\"c\" state=\"active\"><uri>sip:x@y</uri></contact>|missing attribute event",
        "<contact id=\"c\" state=\"active\" event=\"born\"><uri>sip:x@y</uri></contact>|event must be registered",
        "<contact id=\"c\" state=\"active\" event=\"registered\" expires=\"soon\"><uri>sip:x@y</uri></contact>"
                + "|expires must be an unsigned integer",
        "<contact id=\"c\" state=\"active\" event=\"registered\" expires=\"4294967296\"><uri>sip:x@y</uri></contact>"
                + "|more than 2147483647",
        "<contact id=\"c\" state=\"active\" event=\"registered\" cseq=\"-3\"><uri>sip:x@y</uri></contact>"
                + "|cseq must be an unsigned integer",
        "<contact id=\"c\" state=\"active\" event=\"registered\"></contact>|without a uri",
        "<contact id=\"c\" state=\"active\" event=\"registered\"><uri> </uri></contact>|empty uri",
        "<contact id=\"c\" state=\"active\" event=\"registered\"><uri>a</uri><uri>b</uri></contact>|more than one uri",
        "<contact id=\"c\" state=\"active\" event=\"registered\"><uri>a</uri><display-name/><display-name/></contact>"
                + "|more than one display-name",
        "<contact id=\"c\" state=\"active\" event=\"registered\"><uri>a<b/></uri></contact>|must hold text only",
        "<contact id=\"c\" state=\"active\" event=\"registered\"><uri>a</uri><unknown-param>1</unknown-param></contact>"
                + "|missing attribute name",
        "<contact id=\"c\" state=\"active\" event=\"registered\"><uri>a</uri><extra/></contact>|unexpected element extra",
    })
    void refusesBadContacts(String contact, String problem) {
        RegInfoParseException e = refused(doc(reg(contact)));

        assertThat(e.problem()).contains(problem);
        assertThat(e.path()).startsWith("reginfo/registration[1]/contact[1]");
    }

    @Test
    void pathNamesTheFaultyElementByPosition() {
        String good = contact("", "<uri>sip:x@y</uri>");
        String bad = "<contact id=\"c\" state=\"active\" event=\"registered\" expires=\"x\"><uri>u</uri></contact>";

        RegInfoParseException e = refused(doc(reg("") + reg(good + good + bad)));

        assertThat(e.path()).isEqualTo("reginfo/registration[2]/contact[3]");
        assertThat(e.getMessage()).startsWith("reginfo/registration[2]/contact[3]: attribute expires");
    }

    @Test
    void unknownParamNamesKeepTheFirstValue() {
        RegInfo info = RegInfoXmlParser.parse(doc(reg(contact("", "<uri>u</uri>"
                + "<unknown-param name=\"p\">1</unknown-param><unknown-param name=\"p\">2</unknown-param>"))));

        assertThat(info.registrations().get(0).contacts().get(0).unknownParams()).containsExactly(
                Map.entry("p", "1"));
    }

    @Test
    void refusesMalformedXml() {
        assertThat(refused("").problem()).contains("not well-formed");
        assertThat(refused("<reginfo " + NS + " version=\"1\" state=\"full\">").problem()).contains("not well-formed");
        assertThat(refused(doc(reg("")).replace("</registration>", "</contact>")).problem())
                .contains("not well-formed");
        assertThat(refused(doc("") + "<reginfo/>").problem()).contains("not well-formed");
        assertThat(refused("<reginfo " + NS + " version=\"1\" version=\"2\" state=\"full\"/>").problem())
                .contains("not well-formed");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = doc(reg(contact("", "<uri>sip:\u00e9@x</uri>"))).getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[bytes.length - 1];
        int cut = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
        System.arraycopy(bytes, 0, broken, 0, cut + 1);
        System.arraycopy(bytes, cut + 2, broken, cut + 1, bytes.length - cut - 2);

        assertThatThrownBy(() -> RegInfoXmlParser.parse(broken))
                .isInstanceOf(RegInfoParseException.class)
                .hasMessageContaining("not valid UTF-8");
    }

    @Test
    void acceptsAByteOrderMark() {
        byte[] body = doc("").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);

        assertThat(RegInfoXmlParser.parse(withBom).version()).isEqualTo(1);
    }

    @Test
    void enforcesDocumentSize() {
        RegInfoLimits small = new RegInfoLimits(100, 16, 100, 10, 10, 10, 100);
        String big = doc(reg(contact("", "<uri>" + "x".repeat(200) + "</uri>")));

        RegInfoParseException e = catchThrowableOfType(RegInfoParseException.class,
                () -> RegInfoXmlParser.parse(big.getBytes(StandardCharsets.UTF_8), small));

        assertThat(e.problem()).contains("document too large");
        assertThat(e.limit()).isEqualTo(100);
        assertThatThrownBy(() -> RegInfoXmlParser.parse(big, small)).hasMessageContaining("limit 100");
    }

    @Test
    void enforcesRegistrationAndContactCounts() {
        RegInfoLimits limits = new RegInfoLimits(100_000, 16, 1000, 2, 3, 1, 100);
        String c = contact("", "<uri>u</uri>");

        assertThat(RegInfoXmlParser.parse(doc(reg(c.repeat(3)).repeat(2)), limits).registrations()).hasSize(2);
        assertThatThrownBy(() -> RegInfoXmlParser.parse(doc(reg("").repeat(3)), limits))
                .hasMessageContaining("too many registrations").hasMessageContaining("limit 2");
        assertThatThrownBy(() -> RegInfoXmlParser.parse(doc(reg(c.repeat(4))), limits))
                .hasMessageContaining("too many contacts").hasMessageContaining("limit 3");
        String twoParams = contact("", "<uri>u</uri><unknown-param name=\"a\"/><unknown-param name=\"b\"/>");
        assertThatThrownBy(() -> RegInfoXmlParser.parse(doc(reg(twoParams)), limits))
                .hasMessageContaining("too many unknown-param").hasMessageContaining("limit 1");
    }

    @Test
    void enforcesDepthElementsAndTextEvenInIgnoredExtensions() {
        RegInfoLimits limits = new RegInfoLimits(100_000, 6, 50, 10, 10, 10, 20);
        String deep = "<x:a xmlns:x=\"urn:x\">".repeat(6) + "</x:a>".repeat(6);
        String wide = "<x:a xmlns:x=\"urn:x\"/>".repeat(60);

        assertThatThrownBy(() -> RegInfoXmlParser.parse(doc(deep), limits))
                .hasMessageContaining("nest too deep").hasMessageContaining("limit 6");
        assertThatThrownBy(() -> RegInfoXmlParser.parse(doc(wide), limits))
                .hasMessageContaining("too many elements").hasMessageContaining("limit 50");
        assertThatThrownBy(() -> RegInfoXmlParser.parse(doc(reg(contact("", "<uri>" + "u".repeat(21) + "</uri>"))),
                limits)).hasMessageContaining("text too long").hasMessageContaining("limit 20");
    }

    @Test
    void foreignAttributesAndCommentsAreIgnored() {
        String d = "<!-- prolog --><?pi data?><reginfo " + NS + " xmlns:x=\"urn:x\" x:version=\"9\" version=\"2\""
                + " state=\"partial\" extra=\"1\"><!-- c -->" + reg(contact(" x:id=\"other\"",
                "<uri><!-- in text -->sip:x@y</uri>")) + "</reginfo><!-- epilog -->";

        RegInfo info = RegInfoXmlParser.parse(d);

        assertThat(info.version()).isEqualTo(2);
        assertThat(info.registrations().get(0).contacts().get(0).id()).isEqualTo("c");
        assertThat(info.registrations().get(0).contacts().get(0).uri()).isEqualTo("sip:x@y");
    }

    @Test
    void cdataIsText() {
        RegInfo info = RegInfoXmlParser.parse(doc(reg(contact("", "<uri><![CDATA[sip:a&b@y]]></uri>"))));

        assertThat(info.registrations().get(0).contacts().get(0).uri()).isEqualTo("sip:a&b@y");
    }
}
