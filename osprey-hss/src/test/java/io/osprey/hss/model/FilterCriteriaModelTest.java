package io.osprey.hss.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterCriteriaModelTest {

    private static final ApplicationServer AS = ApplicationServer.of("sip:as@example.org",
            DefaultHandling.SESSION_CONTINUED);

    @Test
    void sortsProfileIfcsByPriorityAndRefusesDuplicates() {
        InitialFilterCriteria late = new InitialFilterCriteria(20, Optional.empty(), AS, Optional.empty());
        InitialFilterCriteria early = late.withPriority(3);
        ServiceProfile profile = new ServiceProfile(List.of(PublicIdentity.of(new Impu("sip:a@b"))), Optional.empty(),
                List.of(late, early), List.of());

        assertThat(profile.filterCriteria()).extracting(InitialFilterCriteria::priority).containsExactly(3, 20);
        assertThatThrownBy(() -> new ServiceProfileRecord("p", Optional.empty(), List.of(late, late), List.of(),
                List.of())).hasMessageContaining("priority 20 is used twice");
        assertThatThrownBy(() -> new ServiceProfileRecord("p", Optional.empty(), List.of(), List.of("t", "t"),
                List.of())).hasMessageContaining("listed twice");
        assertThatThrownBy(() -> late.withPriority(-1)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.field()).isEqualTo("ifc.priority"));
    }

    @Test
    void normalisesSptValues() {
        ServicePointTrigger all = ServicePointTrigger.of(0, new SptCondition.Method("register"))
                .withRegistrationTypes(EnumSet.allOf(RegistrationType.class));

        assertThat(all.registrationTypes()).isEmpty();
        assertThat(((SptCondition.Method) all.condition()).name()).isEqualTo("REGISTER");
        assertThat(all.negate().negated()).isTrue();
        assertThatThrownBy(() -> new ServicePointTrigger(false, List.of(), new SptCondition.Method("A"), Set.of()))
                .hasMessageContaining("spt.group");
        assertThatThrownBy(() -> ServicePointTrigger.of(-2, new SptCondition.Method("A")))
                .hasMessageContaining("spt.group");
        assertThatThrownBy(() -> new SptCondition.SipHeader("", Optional.empty()))
                .hasMessageContaining("spt.sipHeader.header");
        assertThatThrownBy(() -> new TriggerPoint(true, List.of())).hasMessageContaining("triggerPoint.spt");
    }

    @Test
    void checksApplicationServersAndCodes() {
        assertThatThrownBy(() -> ApplicationServer.of("http://as", DefaultHandling.SESSION_CONTINUED))
                .hasMessageContaining("applicationServer.serverName");
        assertThatThrownBy(() -> ApplicationServer.of("sip:", DefaultHandling.SESSION_CONTINUED))
                .hasMessageContaining("must be a SIP URI");
        assertThatThrownBy(() -> new ApplicationServer("sip:as", DefaultHandling.SESSION_CONTINUED,
                Optional.of("x".repeat(1025)), false, false)).hasMessageContaining("limit 1024");
        assertThat(SessionCase.fromCode("c", 4)).isEqualTo(SessionCase.ORIGINATING_CDIV);
        assertThat(IdentityType.fromCode("t", 2)).isEqualTo(IdentityType.WILDCARDED_PSI);
        assertThatThrownBy(() -> DefaultHandling.fromCode("DefaultHandling", 2))
                .hasMessage("DefaultHandling: must be 0 or 1, was 2");
        assertThatThrownBy(() -> new SptCondition.RequestUri("a\u0000b")).hasMessageContaining("U+0000");
    }
}
