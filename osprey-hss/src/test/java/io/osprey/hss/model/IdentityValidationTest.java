package io.osprey.hss.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IdentityValidationTest {

    @Test
    void acceptsNaiPrivateIdentities() {
        Impi impi = new Impi("001010000000001@ims.mnc001.mcc001.3gppnetwork.org");

        assertThat(impi.username()).isEqualTo("001010000000001");
        assertThat(impi.realm()).isEqualTo("ims.mnc001.mcc001.3gppnetwork.org");
    }

    @Test
    void refusesMalformedPrivateIdentitiesNamingTheField() {
        for (String bad : new String[] {"alice", "@realm", "alice@", "al ice@realm", "a<b@realm", ""}) {
            assertThatThrownBy(() -> new Impi(bad)).isInstanceOfSatisfying(InvalidValueException.class,
                    e -> assertThat(e.field()).isEqualTo("impi"));
        }
        assertThatThrownBy(() -> new Impi("a".repeat(250) + "@realm")).hasMessageContaining("limit 255");
        assertThatThrownBy(() -> new Impi(null)).hasMessage("impi: is required");
    }

    @Test
    void acceptsSipSipsAndTelPublicIdentities() {
        for (String good : new String[] {"sip:alice@example.org", "SIP:alice@example.org;user=phone", "sips:b@h:5061",
            "sip:example.org", "sip:u@[2001:db8::1]:5060", "tel:+1-555-0100", "tel:7042;phone-context=example.com",
            "sip:chatroom-!.*!@example.org"}) {
            assertThat(new Impu(good).uri()).isEqualTo(good);
        }
        assertThat(new Impu("TEL:+1").isTel()).isTrue();
        assertThat(new Impu("Sips:x@y").scheme()).isEqualTo("sips");
    }

    @Test
    void refusesOtherUrisNamingTheField() {
        for (String bad : new String[] {"mailto:a@b", "alice@example.org", "sip:", "sip:alice@", "sip:@host",
            "tel:", "tel:+", "tel:+1x55", "tel:7042", "sip:<a>@b", "sip:a b@c"}) {
            assertThatThrownBy(() -> new Impu(bad)).as(bad).isInstanceOfSatisfying(InvalidValueException.class,
                    e -> assertThat(e.field()).isEqualTo("impu"));
        }
    }

    @Test
    void matchesWildcardedPsisOnlyInsideTheirSection() {
        WildcardPsi wildcard = WildcardPsi.parse(new Impu("sip:chatroom-!\\d+!@example.org"));

        assertThat(wildcard.matches(new Impu("sip:chatroom-42@example.org"))).isTrue();
        assertThat(wildcard.matches(new Impu("sip:chatroom-@example.org"))).isFalse();
        assertThat(wildcard.matches(new Impu("sip:chatroom-4x@example.org"))).isFalse();
        assertThat(wildcard.matches(new Impu("sip:chatroom-42@example.org.evil"))).isFalse();
        assertThat(WildcardPsi.isWildcard("sip:a!b@c")).isFalse();
        assertThatThrownBy(() -> WildcardPsi.parse(new Impu("sip:a!(!@b"))).hasMessageContaining("regular expression");
        assertThatThrownBy(() -> WildcardPsi.parse(new Impu("sip:a!x!y!z!@b"))).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> WildcardPsi.parse(new Impu("sip:a@b"))).hasMessageContaining("!regex!");
    }

    @Test
    void keepsIdentityTypeAndWildcardSyntaxConsistent() {
        assertThatThrownBy(() -> new PublicIdentityRecord(new Impu("sip:room-!.*!@b"), "s", "p",
                IdentityType.DISTINCT_PSI, false, 0, Optional.empty(), Optional.empty(), Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("identityType"));
        assertThatThrownBy(() -> new PublicIdentityRecord(new Impu("sip:room@b"), "s", "p",
                IdentityType.WILDCARDED_PSI, false, 0, Optional.empty(), Optional.empty(), Set.of()))
                .hasMessageContaining("needs a !regex! section");
        assertThatThrownBy(() -> PublicIdentityRecord.of(new Impu("sip:a@b"), "s", "bad name", Set.of()))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("serviceProfile"));
        assertThatThrownBy(() -> new PublicIdentityRecord(new Impu("sip:a@b"), "s", "p",
                IdentityType.PUBLIC_USER_IDENTITY, false, -1, Optional.empty(), Optional.empty(), Set.of()))
                .hasMessageContaining("implicitSet");
    }

    @Test
    void requiresAnScscfWhileRegistered() {
        Impu impu = new Impu("sip:a@b");
        assertThatThrownBy(() -> new ImpuRegistration(impu, RegistrationState.REGISTERED, Optional.empty()))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("scscfName"));
        assertThat(new ImpuRegistration(impu, RegistrationState.NOT_REGISTERED, Optional.of("sip:s")).scscfName())
                .contains("sip:s");
        assertThat(RegistrationState.fromCode("state", 2)).isEqualTo(RegistrationState.UNREGISTERED);
        assertThatThrownBy(() -> RegistrationState.fromCode("state", 3)).hasMessage("state: must be 0 to 2, was 3");
    }
}
