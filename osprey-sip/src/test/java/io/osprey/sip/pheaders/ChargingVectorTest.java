package io.osprey.sip.pheaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChargingVectorTest {

    @Test
    void parsesAnImsVector() {
        ChargingVector v = ChargingVector.parse("icid-value=\"AyretyU0dm+6O2IrT5tAFrbHLso=023551024\";"
                + " icid-generated-at=192.0.2.5; orig-ioi=\"Type 3home1.net\"; term-ioi=home2.net;"
                + " transit-ioi=\"transit1.net\"; ggsn=[2001:db8::7]; auth-token=4AF0");

        assertThat(v.icidValue()).isEqualTo("AyretyU0dm+6O2IrT5tAFrbHLso=023551024");
        assertThat(v.icidGeneratedAt()).isEqualTo("192.0.2.5");
        assertThat(v.origIoi()).isEqualTo("Type 3home1.net");
        assertThat(v.termIoi()).isEqualTo("home2.net");
        assertThat(v.otherParams().name(0)).isEqualTo("transit-ioi");
        assertThat(v.param("transit-ioi")).isEqualTo("transit1.net");
        assertThat(v.otherParams().get("ggsn")).isEqualTo("[2001:db8::7]");
        assertThat(v.otherParams().get("auth-token")).isEqualTo("4AF0");
    }

    @Test
    void formatsKnownParametersFirstAndRoundTrips() {
        ChargingVector v = ChargingVector.parse("orig-ioi=home1.net;x-flag;ICID-VALUE=1234bc9876e;"
                + "icid-generated-at=[2001:db8::1];y=\"a b\"");

        assertThat(v.toString()).isEqualTo("icid-value=1234bc9876e;icid-generated-at=[2001:db8::1];"
                + "orig-ioi=home1.net;x-flag;y=\"a b\"");
        assertThat(ChargingVector.parse(v.toString())).isEqualTo(v);
    }

    @Test
    void quotesValuesThatAreNotTokens() {
        ChargingVector v = ChargingVector.of("abc/def=").withOrigIoi("Type 3\"op\"").withTermIoi("home2.net")
                .withIcidGeneratedAt("pcscf.home1.net").withParam("related-icid", "\"x y\"");

        assertThat(v.toString()).isEqualTo("icid-value=\"abc/def=\";icid-generated-at=pcscf.home1.net;"
                + "orig-ioi=\"Type 3\\\"op\\\"\";term-ioi=home2.net;related-icid=\"x y\"");
        assertThat(ChargingVector.parse(v.toString())).isEqualTo(v);
        assertThat(v.withOrigIoi(null).withoutParam("related-icid").toString())
                .isEqualTo("icid-value=\"abc/def=\";icid-generated-at=pcscf.home1.net;term-ioi=home2.net");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "orig-ioi=a|missing or empty icid-value",
        "icid-value=\"\"|missing or empty icid-value",
        "icid-value|icid-value without a value",
        "icid-value=1;icid-value=2|icid-value appears twice",
        "icid-value=1;;x=2|bad parameter name at ';'",
        "icid-value=1 x|unexpected 'x'",
        "icid-value=\"1|unterminated quoted value",
        "icid-value=[1:2|malformed IPv6 reference",
        "icid-value=1,icid-value=2|unexpected ','",
    })
    void refusesMalformedValues(String value, String reason) {
        SipSyntaxException e = catchThrowableOfType(SipSyntaxException.class, () -> ChargingVector.parse(value));

        assertThat(e.field()).isEqualTo("P-Charging-Vector");
        assertThat(e.reason()).contains(reason);
    }

    @Test
    void enforcesLimits() {
        PHeaderLimits limits = new PHeaderLimits(40, 2, 1);

        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> ChargingVector.parse("icid-value=1;a;b", limits)).limit()).isEqualTo(2);
        assertThat(catchThrowableOfType(SipSyntaxException.class,
                () -> ChargingVector.parse("icid-value=" + "1".repeat(40), limits)).limit()).isEqualTo(40);
    }

    @Test
    void modelRefusesWhatCannotBeWritten() {
        assertThatThrownBy(() -> ChargingVector.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChargingVector("1", null, null, null, Parameters.of("orig-ioi", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChargingVector.of("1").withParam("x", "a b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChargingVector.of("a\r\nb").toString()).isInstanceOf(IllegalArgumentException.class);
    }
}
