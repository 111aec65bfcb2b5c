package io.osprey.cscf.numbers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.cscf.numbers.NormalizedNumber.Global;
import io.osprey.cscf.numbers.NormalizedNumber.Local;
import io.osprey.cscf.numbers.NormalizedNumber.NotANumber;
import io.osprey.sip.uri.Uri;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberNormalizerTest {

    private static final String HOME = "ims.mnc001.mcc001.3gppnetwork.org";

    /** A German home network: country code 49, national prefix 0, international prefix 00. */
    private final NumberNormalizer germany = new NumberNormalizer(NumberingPlan.of("49", HOME));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // global numbers, with and without visual separators
        "tel:+1-555-123-0001|+15551230001",
        "tel:+44(20)7946.0018|+442079460018",
        "sip:+15551230001@ims.mnc001.mcc001.3gppnetwork.org;user=phone|+15551230001",
        "sip:+1-555-123-0001@other.example.net;user=phone|+15551230001",
        // dialled in the home network: national and international prefixes
        "sip:01511234567@ims.mnc001.mcc001.3gppnetwork.org|+491511234567",
        "sip:0151-123-4567@IMS.MNC001.MCC001.3GPPNETWORK.ORG|+491511234567",
        "sip:00441234567890@ims.mnc001.mcc001.3gppnetwork.org;user=phone|+441234567890",
        "sip:+15551230001@ims.mnc001.mcc001.3gppnetwork.org|+15551230001",
        "tel:01511234567;phone-context=ims.mnc001.mcc001.3gppnetwork.org|+491511234567",
        "tel:00441234567890;phone-context=IMS.mnc001.mcc001.3gppnetwork.org|+441234567890",
        "sip:01511234567;phone-context=ims.mnc001.mcc001.3gppnetwork.org@ims.mnc001.mcc001.3gppnetwork.org;user=phone"
                + "|+491511234567",
        // a global phone-context prefixes the local number
        "tel:1234;phone-context=+44|+441234",
        "tel:7946-0018;phone-context=+44-20|+442079460018",
        "sip:1234;phone-context=+44@gw.example.net;user=phone|+441234",
    })
    void globalNumbers(String uri, String e164) {
        assertThat(germany.normalize(uri)).isEqualTo(new Global(e164));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // short codes in the home network stay local to it
        "tel:1234;phone-context=ims.mnc001.mcc001.3gppnetwork.org|1234|ims.mnc001.mcc001.3gppnetwork.org",
        "sip:112@ims.mnc001.mcc001.3gppnetwork.org|112|ims.mnc001.mcc001.3gppnetwork.org",
        "sip:*31%23@ims.mnc001.mcc001.3gppnetwork.org;user=phone|*31#|ims.mnc001.mcc001.3gppnetwork.org",
        // a context that is not the home network cannot be resolved here
        "tel:01511234567;phone-context=other.example.net|01511234567|other.example.net",
        "tel:12ab;phone-context=+44|12AB|+44",
        "tel:7-ab;phone-context=ims.mnc001.mcc001.3gppnetwork.org|7AB|ims.mnc001.mcc001.3gppnetwork.org",
    })
    void localNumbers(String uri, String number, String context) {
        assertThat(germany.normalize(uri)).isEqualTo(new Local(number, context));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "sip:alice@ims.mnc001.mcc001.3gppnetwork.org|without user=phone",
        "sip:01511234567@other.example.net|without user=phone",
        "sip:+15551230001@other.example.net|without user=phone",
        "sip:ims.mnc001.mcc001.3gppnetwork.org;user=phone|without a user part",
        "sip:alice@ims.mnc001.mcc001.3gppnetwork.org;user=phone|not a telephone number",
        "sip:0151@gw.example.net;user=phone|without phone-context outside the home domain",
        "tel:+1234567890123456|more than 15 digits",
        "tel:1234;phone-context=+|neither a domain nor a global prefix",
        "urn:service:sos|urn URI is not a telephone number",
        "not a uri|not a URI",
    })
    void notNumbers(String uri, String reason) {
        assertThat(germany.normalize(uri)).isInstanceOfSatisfying(NotANumber.class,
                n -> assertThat(n.reason()).contains(reason));
    }

    @Test
    void dialledStrings() {
        assertThat(germany.dialled("0151-1234567")).isEqualTo(new Global("+491511234567"));
        assertThat(germany.dialled("(0)30.1234")).isEqualTo(new Global("+49301234"));
        assertThat(germany.dialled("0044 20")).isInstanceOf(NotANumber.class);
        assertThat(germany.dialled("110")).isEqualTo(new Local("110", HOME));
        assertThat(germany.dialled("0")).isEqualTo(new Local("0", HOME));
        assertThat(germany.dialled("00")).isInstanceOfSatisfying(NotANumber.class,
                n -> assertThat(n.reason()).contains("not a global number"));
        assertThat(germany.dialled("+")).isInstanceOf(NotANumber.class);
        assertThat(germany.dialled("")).isInstanceOf(NotANumber.class);
    }

    @Test
    void otherPlans() {
        NumberNormalizer nanp = new NumberNormalizer(new NumberingPlan("1", "1", "011", HOME));
        NumberNormalizer noTrunkPrefix = new NumberNormalizer(new NumberingPlan("39", "", "00", HOME));

        assertThat(nanp.dialled("15551230001")).isEqualTo(new Global("+15551230001"));
        assertThat(nanp.dialled("011441234567890")).isEqualTo(new Global("+441234567890"));
        assertThat(nanp.dialled("5551230001")).isEqualTo(new Local("5551230001", HOME));
        assertThat(noTrunkPrefix.dialled("0612345678")).isEqualTo(new Local("0612345678", HOME));
        assertThat(noTrunkPrefix.dialled("0039061234")).isEqualTo(new Global("+39061234"));
    }

    @Test
    void globalResultConvertsToATelUri() {
        Global g = (Global) germany.normalize(Uri.parse("sip:+15551230001@ims.mnc001.mcc001.3gppnetwork.org;user=phone"));

        assertThat(g.digits()).isEqualTo("15551230001");
        assertThat(g.toTelUri().toString()).isEqualTo("tel:+15551230001");
    }

    @Test
    void planAndResultsRefuseBadValues() {
        assertThatThrownBy(() -> new NumberingPlan("", "0", "00", HOME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingPlan("1234", "0", "00", HOME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingPlan("49", "0", "0", HOME)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingPlan("49", "x", "00", HOME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NumberingPlan("49", "0", "00", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Global("15551230001")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Global("+1234567890123456")).isInstanceOf(IllegalArgumentException.class);
    }
}
