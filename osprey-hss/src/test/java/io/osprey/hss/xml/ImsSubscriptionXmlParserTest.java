package io.osprey.hss.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import org.junit.jupiter.api.Test;

/** The parser refuses DTDs, oversized or malformed documents and schema violations, naming the element. */
class ImsSubscriptionXmlParserTest {

    private static final String IDENTITY = "<PublicIdentity><Identity>sip:a@example.org</Identity></PublicIdentity>";

    private final ImsSubscriptionXmlParser parser = new ImsSubscriptionXmlParser();

    @Test
    void acceptsSchemaBooleansWhitespaceCommentsForeignElementsAndExtensions() {
        ImsSubscription subscription = parser.parse("<?xml version=\"1.0\"?>\n<!-- c -->\n<IMSSubscription>\n"
                + "  <PrivateID> a@example.org </PrivateID>\n  <ServiceProfile>\n"
                + "    <PublicIdentity><BarringIndication>true</BarringIndication>"
                + "<Identity>sip:a@example.org</Identity></PublicIdentity>\n"
                + "    <v:Vendor xmlns:v=\"urn:vendor\"><v:Deep><v:Deeper/></v:Deep></v:Vendor>\n"
                + "    <InitialFilterCriteria><Priority> 7 </Priority><TriggerPoint><ConditionTypeCNF>false"
                + "</ConditionTypeCNF><SPT><Group>0</Group><SessionCase>2</SessionCase></SPT></TriggerPoint>"
                + "<ApplicationServer><ServerName>sip:as@example.org</ServerName></ApplicationServer>"
                + "<Extension><Anything><At>all</At></Anything></Extension></InitialFilterCriteria>\n"
                + "  </ServiceProfile>\n  <Extension><Future version=\"99\"/></Extension>\n</IMSSubscription>");

        assertThat(subscription.privateId().value()).isEqualTo("a@example.org");
        assertThat(subscription.publicIdentities().getFirst().barred()).isTrue();
        var ifc = subscription.serviceProfiles().getFirst().filterCriteria().getFirst();
        assertThat(ifc.priority()).isEqualTo(7);
        assertThat(ifc.triggerPoint().orElseThrow().conjunctive()).isFalse();
        assertThat(ifc.triggerPoint().orElseThrow().triggers().getFirst().condition())
                .isEqualTo(new SptCondition.InSessionCase(SessionCase.TERMINATING_UNREGISTERED));
    }

    @Test
    void refusesDtdsSoExternalEntitiesAreNeverRead() {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE IMSSubscription [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
                + "<IMSSubscription><PrivateID>&xxe;</PrivateID><ServiceProfile>" + IDENTITY
                + "</ServiceProfile></IMSSubscription>";
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;\">]>"
                + "<IMSSubscription><PrivateID>&b;</PrivateID></IMSSubscription>";

        assertThatThrownBy(() -> parser.parse(xxe)).isInstanceOf(ImsSubscriptionXmlException.class)
                .message().doesNotContain("root:");
        assertThatThrownBy(() -> parser.parse(laughs)).isInstanceOf(ImsSubscriptionXmlException.class);
        assertThatThrownBy(() -> parser.parse("<!DOCTYPE IMSSubscription><IMSSubscription/>"))
                .hasMessageContaining("DTD");
    }

    @Test
    void enforcesEveryLimit() {
        ImsSubscriptionXmlParser small = new ImsSubscriptionXmlParser(new XmlLimits(600, 6, 12, 20));
        String deep = document("<ServiceProfile>" + IDENTITY + "</ServiceProfile>"
                + "<Extension><a><b><c><d><e/></d></c></b></a></Extension>");
        String many = document("<ServiceProfile>" + IDENTITY.repeat(5) + "</ServiceProfile>");
        String longText = document("<ServiceProfile><PublicIdentity><Identity>sip:" + "x".repeat(30)
                + "@e.org</Identity></PublicIdentity></ServiceProfile>");

        assertThatThrownBy(() -> small.parse(document("<ServiceProfile>" + IDENTITY.repeat(9) + "</ServiceProfile>")))
                .hasMessageContaining("limit 600");
        assertThatThrownBy(() -> small.parse(deep)).hasMessageContaining("deeper than the limit of 6");
        assertThatThrownBy(() -> small.parse(many)).hasMessageContaining("limit of 12 elements");
        assertThatThrownBy(() -> small.parse(longText)).hasMessageContaining("limit of 20 characters")
                .hasMessageContaining("IMSSubscription/ServiceProfile/PublicIdentity/Identity");
        assertThatThrownBy(() -> small.parse(new byte[601])).hasMessageContaining("601 octets, limit 600");
    }

    @Test
    void requiresUtf8Octets() {
        byte[] latin1 = document("<ServiceProfile><PublicIdentity><Identity>sip:caf\u00e9@example.org</Identity>"
                + "</PublicIdentity></ServiceProfile>").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] utf8WithBom = ("\uFEFF" + document("<ServiceProfile>" + IDENTITY + "</ServiceProfile>"))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> parser.parse(latin1)).hasMessage("document is not valid UTF-8 at octet 102");
        assertThat(parser.parse(utf8WithBom).privateId().value()).isEqualTo("a@example.org");
    }

    @Test
    void namesTheElementOfABadValue() {
        assertThatThrownBy(() -> parser.parse(withIfc("<Priority>-1</Priority>")))
                .hasMessageContaining("InitialFilterCriteria/Priority").hasMessageContaining("0 or more");
        assertThatThrownBy(() -> parser.parse(withIfc("<Priority>x1</Priority>")))
                .hasMessageContaining("must be an integer, was \"x1\"");
        assertThatThrownBy(() -> parser.parse(withIfc("<Priority>1</Priority><TriggerPoint><ConditionTypeCNF>yes"
                + "</ConditionTypeCNF><SPT><Group>0</Group><Method>INVITE</Method></SPT></TriggerPoint>")))
                .hasMessageContaining("TriggerPoint/ConditionTypeCNF").hasMessageContaining("yes");
        assertThatThrownBy(() -> parser.parse(withIfc("<Priority>1</Priority><TriggerPoint><ConditionTypeCNF>1"
                + "</ConditionTypeCNF><SPT><Group>0</Group><SessionCase>9</SessionCase></SPT></TriggerPoint>")))
                .hasMessageContaining("SessionCase").hasMessageContaining("was 9");
        assertThatThrownBy(() -> parser.parse(document("<ServiceProfile><PublicIdentity><Identity>mailto:a@b"
                + "</Identity></PublicIdentity></ServiceProfile>")))
                .hasMessageContaining("IMSSubscription/ServiceProfile").hasMessageContaining("sip:, sips: or tel:");
        assertThatThrownBy(() -> parser.parse(withIfc("<Priority>1</Priority>").replace(
                "sip:as@example.org", "http://as.example.org"))).hasMessageContaining("applicationServer.serverName");
    }

    @Test
    void refusesStructureTheSchemaDoesNotAllow() {
        assertThatThrownBy(() -> parser.parse(document("<ServiceProfile>" + IDENTITY + "<Foo/></ServiceProfile>")))
                .hasMessageContaining("ServiceProfile/Foo: unexpected element");
        assertThatThrownBy(() -> parser.parse(document("<ServiceProfile><PublicIdentity><Identity>sip:a@b</Identity>"
                + "<Identity>sip:c@d</Identity></PublicIdentity></ServiceProfile>")))
                .hasMessageContaining("may appear only once");
        assertThatThrownBy(() -> parser.parse(document("<ServiceProfile>junk" + IDENTITY + "</ServiceProfile>")))
                .hasMessageContaining("must not hold text");
        assertThatThrownBy(() -> parser.parse(document("<ServiceProfile></ServiceProfile>")))
                .hasMessageContaining("missing required element PublicIdentity");
        assertThatThrownBy(() -> parser.parse("<IMSSubscription><PrivateID>a@b</PrivateID></IMSSubscription>"))
                .hasMessageContaining("missing required element ServiceProfile");
        assertThatThrownBy(() -> parser.parse(withIfc("<Priority>1</Priority><TriggerPoint><ConditionTypeCNF>1"
                + "</ConditionTypeCNF><SPT><Group>0</Group><Method>A</Method><Method>B</Method></SPT></TriggerPoint>")))
                .hasMessageContaining("may appear only once");
        assertThatThrownBy(() -> parser.parse("<Other/>")).hasMessageContaining("root element must be IMSSubscription");
        assertThatThrownBy(() -> parser.parse("<IMSSubscription><PrivateID>a@b</PrivateID>"))
                .hasMessageContaining("not well-formed");
        assertThatThrownBy(() -> parser.parse(document("<ServiceProfile><PublicIdentity><Identity><b/></Identity>"
                + "</PublicIdentity></ServiceProfile>"))).hasMessageContaining("must hold text only");
    }

    private static String document(String profiles) {
        return "<IMSSubscription><PrivateID>a@example.org</PrivateID>" + profiles + "</IMSSubscription>";
    }

    private static String withIfc(String head) {
        return document("<ServiceProfile>" + IDENTITY + "<InitialFilterCriteria>" + head
                + "<ApplicationServer><ServerName>sip:as@example.org</ServerName></ApplicationServer>"
                + "</InitialFilterCriteria></ServiceProfile>");
    }
}
