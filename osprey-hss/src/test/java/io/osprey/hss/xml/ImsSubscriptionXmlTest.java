package io.osprey.hss.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.hss.model.ApplicationServer;
import io.osprey.hss.model.DefaultHandling;
import io.osprey.hss.model.Impi;
import io.osprey.hss.model.Impu;
import io.osprey.hss.model.ImsSubscription;
import io.osprey.hss.model.InitialFilterCriteria;
import io.osprey.hss.model.ProfilePartIndicator;
import io.osprey.hss.model.PublicIdentity;
import io.osprey.hss.model.RegistrationType;
import io.osprey.hss.model.ServicePointTrigger;
import io.osprey.hss.model.ServiceProfile;
import io.osprey.hss.model.SessionCase;
import io.osprey.hss.model.SptCondition;
import io.osprey.hss.model.TriggerPoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

/**
 * Writer and parser of the IMSSubscription document: round trips, the exact bytes of a small profile, the
 * schema's element order (an independent structural check, and the real Rel-8 XSD when installed), and the
 * reference example.
 */
class ImsSubscriptionXmlTest {

    /** The CxDataType_Rel8.xsd that Debian's kamailio package installs; override with OSPREY_CX_XSD. */
    private static final String DEFAULT_XSD = "/usr/share/doc/kamailio/examples/ims/scscf/CxDataType_Rel8.xsd";

    private final ImsSubscriptionXmlWriter writer = new ImsSubscriptionXmlWriter();
    private final ImsSubscriptionXmlParser parser = new ImsSubscriptionXmlParser();

    @Test
    void roundTripsEveryElementTheModelHolds() {
        for (ImsSubscription subscription : List.of(XmlFixtures.rich(), XmlFixtures.rich(SessionCase.ORIGINATING_CDIV))) {
            String xml = writer.write(subscription);
            assertThat(parser.parse(xml)).isEqualTo(subscription);
            assertThat(parser.parse(writer.writeBytes(subscription))).isEqualTo(subscription);
        }
    }

    @Test
    void writesTheExpectedDocumentForASmallProfile() {
        ImsSubscription subscription = new ImsSubscription(new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org"),
                List.of(new ServiceProfile(List.of(PublicIdentity.of(
                        new Impu("sip:+15551230001@ims.mnc001.mcc001.3gppnetwork.org"))), Optional.empty(),
                        List.of(InitialFilterCriteria.of(0, TriggerPoint.cnf(
                                ServicePointTrigger.of(0, new SptCondition.Method("INVITE"))),
                                ApplicationServer.of("sip:mmtel@as.example.org", DefaultHandling.SESSION_CONTINUED))),
                        List.of())));

        assertThat(writer.write(subscription)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<IMSSubscription><PrivateID>001010000000001@ims.mnc001.mcc001.3gppnetwork.org</PrivateID>"
                + "<ServiceProfile><PublicIdentity><Identity>sip:+15551230001@ims.mnc001.mcc001.3gppnetwork.org"
                + "</Identity></PublicIdentity><InitialFilterCriteria><Priority>0</Priority><TriggerPoint>"
                + "<ConditionTypeCNF>1</ConditionTypeCNF><SPT><ConditionNegated>0</ConditionNegated><Group>0</Group>"
                + "<Method>INVITE</Method></SPT></TriggerPoint><ApplicationServer>"
                + "<ServerName>sip:mmtel@as.example.org</ServerName><DefaultHandling>0</DefaultHandling>"
                + "</ApplicationServer></InitialFilterCriteria></ServiceProfile></IMSSubscription>");
    }

    @Test
    void generatedDocumentsFollowTheSchemaElementOrder() {
        CxStructure.check(writer.write(XmlFixtures.rich()));
        CxStructure.check(writer.write(XmlFixtures.rich(SessionCase.ORIGINATING_CDIV)));
        String misordered = writer.write(XmlFixtures.rich()).replaceFirst(
                "<Priority>0</Priority>(<TriggerPoint>.*?</TriggerPoint>)", "$1<Priority>0</Priority>");
        assertThatThrownBy(() -> CxStructure.check(misordered)).hasMessageContaining("InitialFilterCriteria");
        assertThatThrownBy(() -> parser.parse(misordered)).hasMessageContaining("Priority is required before TriggerPoint");
    }

    @Test
    void generatedDocumentsValidateAgainstTheRel8Xsd() throws Exception {
        Schema schema = rel8Schema();
        schema.newValidator().validate(new StreamSource(new StringReader(writer.write(XmlFixtures.rich()))));
        String withoutIdentity = writer.write(XmlFixtures.rich()).replaceFirst(
                "<Identity>sip:alice@example.org</Identity>", "");
        assertThatThrownBy(() -> schema.newValidator().validate(new StreamSource(new StringReader(withoutIdentity))))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> parser.parse(withoutIdentity)).hasMessageContaining("Identity");
    }

    @Test
    void parsesTheReferenceExample() throws IOException {
        ImsSubscription subscription;
        try (InputStream in = getClass().getResourceAsStream("reference-profile.xml")) {
            subscription = parser.parse(in.readAllBytes());
        }

        assertThat(subscription.privateId().value()).isEqualTo("001010000000001@ims.mnc001.mcc001.3gppnetwork.org");
        ServiceProfile profile = subscription.serviceProfiles().getFirst();
        assertThat(profile.publicIdentities()).extracting(PublicIdentity::barred).containsExactly(false, false, true);
        assertThat(profile.publicIdentities().get(1).identity()).isEqualTo(new Impu("tel:+15551230001"));
        assertThat(profile.subscribedMediaProfileId()).contains(0);
        InitialFilterCriteria register = profile.filterCriteria().get(0);
        assertThat(register.profilePartIndicator()).contains(ProfilePartIndicator.REGISTERED);
        assertThat(register.applicationServer().serviceInfo()).contains("reg-notify");
        assertThat(register.triggerPoint().orElseThrow().triggers().getFirst().registrationTypes())
                .containsExactly(RegistrationType.INITIAL_REGISTRATION, RegistrationType.DE_REGISTRATION);
        TriggerPoint invite = profile.filterCriteria().get(1).triggerPoint().orElseThrow();
        assertThat(invite.conjunctive()).isTrue();
        assertThat(invite.triggers()).extracting(ServicePointTrigger::condition).containsExactly(
                new SptCondition.Method("INVITE"), new SptCondition.InSessionCase(SessionCase.ORIGINATING),
                new SptCondition.SipHeader("Accept-Contact", Optional.of(".*\\+g\\.3gpp\\.icsi-ref.*")));
        assertThat(invite.triggers().get(2).negated()).isTrue();
        assertThat(invite.triggers().get(2).groups()).containsExactly(2);
        assertThat(profile.filterCriteria().get(1).applicationServer().defaultHandling())
                .isEqualTo(DefaultHandling.SESSION_TERMINATED);
    }

    @Test
    void roundTripsASingleFilterCriterion() {
        InitialFilterCriteria ifc = XmlFixtures.rich().serviceProfiles().getFirst().filterCriteria().get(1);

        String element = writer.writeFilterCriteria(ifc);

        assertThat(element).startsWith("<InitialFilterCriteria><Priority>10</Priority>");
        assertThat(parser.parseFilterCriteria(element)).isEqualTo(ifc);
        assertThat(ifc.triggerPoint().orElseThrow().triggers().getFirst().registrationTypes()).isEqualTo(Set.of());
    }

    private static Schema rel8Schema() throws SAXException {
        Path xsd = Path.of(Optional.ofNullable(System.getenv("OSPREY_CX_XSD")).orElse(DEFAULT_XSD));
        if (!Files.isReadable(xsd)) {
            String message = "CxDataType_Rel8.xsd not found at " + xsd + " (install kamailio or set OSPREY_CX_XSD)";
            if ("true".equalsIgnoreCase(System.getenv("OSPREY_REQUIRE_PEERS"))) {
                throw new AssertionError(message);
            }
            Assumptions.abort(message + ": skipped");
        }
        SchemaFactory factory = SchemaFactory.newDefaultInstance();
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory.newSchema(xsd.toFile());
    }
}
