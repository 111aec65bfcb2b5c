package io.osprey.sip.pheaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.osprey.sip.message.SipSyntaxException;
import io.osprey.sip.uri.Parameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChargingFunctionAddressesTest {

    @Test
    void parsesPrimaryAndSecondaryAddressesInOrder() {
        ChargingFunctionAddresses a = ChargingFunctionAddresses.parse(
                "ccf=192.0.2.10; ecf=192.0.2.20; ccf=[2001:db8::10]; ecf=\"aaa://ocs.home1.net:3868\"; x=1");

        assertThat(a.ccf()).containsExactly("192.0.2.10", "[2001:db8::10]");
        assertThat(a.ecf()).containsExactly("192.0.2.20", "aaa://ocs.home1.net:3868");
        assertThat(a.otherParams()).isEqualTo(Parameters.of("x", "1"));
    }

    @Test
    void formatsAndRoundTrips() {
        ChargingFunctionAddresses a = ChargingFunctionAddresses.of(List.of("pri-ccf.home1.net", "sec-ccf.home1.net"),
                List.of("aaa://ocs.home1.net"));

        assertThat(a.toString())
                .isEqualTo("ccf=pri-ccf.home1.net;ccf=sec-ccf.home1.net;ecf=\"aaa://ocs.home1.net\"");
        assertThat(ChargingFunctionAddresses.parse(a.toString())).isEqualTo(a);
        ChargingFunctionAddresses onlyEcf = ChargingFunctionAddresses.of(List.of(), List.of("192.0.2.1"));
        assertThat(onlyEcf.toString()).isEqualTo("ecf=192.0.2.1");
        assertThat(ChargingFunctionAddresses.parse("ECF=192.0.2.1")).isEqualTo(onlyEcf);
    }

    @Test
    void refusesValuesWithoutAnyAddress() {
        assertThat(catchThrowableOfType(SipSyntaxException.class, () -> ChargingFunctionAddresses.parse("x=1"))
                .reason()).contains("neither ccf nor ecf");
        assertThat(catchThrowableOfType(SipSyntaxException.class, () -> ChargingFunctionAddresses.parse("ccf"))
                .reason()).contains("ccf without an address");
        assertThat(catchThrowableOfType(SipSyntaxException.class, () -> ChargingFunctionAddresses.parse("ccf=\"\""))
                .reason()).contains("ccf without an address");
        assertThat(catchThrowableOfType(SipSyntaxException.class, () -> ChargingFunctionAddresses.parse(""))
                .field()).isEqualTo("P-Charging-Function-Addresses");
        assertThatThrownBy(() -> ChargingFunctionAddresses.of(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
