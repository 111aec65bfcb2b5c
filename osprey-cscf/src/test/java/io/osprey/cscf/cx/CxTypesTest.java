package io.osprey.cscf.cx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.osprey.diameter.dictionary.CxDictionary;
import io.osprey.diameter.dictionary.CxResultCodes;
import io.osprey.diameter.dictionary.ResultCodes;
import org.junit.jupiter.api.Test;

/** The value types: enum wire values against the dictionary (TS 29.229 §6.3.15, §6.3.24) and {@link CxResult}. */
class CxTypesTest {

    @Test
    void enumValuesMatchTheWire() {
        assertThat(ServerAssignmentType.values()).hasSize(15);
        for (ServerAssignmentType type : ServerAssignmentType.values()) {
            assertThat(ServerAssignmentType.fromValue(type.value())).isSameAs(type);
        }
        assertThat(ServerAssignmentType.REGISTRATION.value()).isEqualTo(CxDictionary.SAT_REGISTRATION);
        assertThat(ServerAssignmentType.AUTHENTICATION_TIMEOUT.value())
                .isEqualTo(CxDictionary.SAT_AUTHENTICATION_TIMEOUT);
        assertThat(ServerAssignmentType.RESTORATION.value()).isEqualTo(14);
        assertThat(UserAuthorizationType.REGISTRATION_AND_CAPABILITIES.value())
                .isEqualTo(CxDictionary.UAT_REGISTRATION_AND_CAPABILITIES);
        assertThat(UserAuthorizationType.fromValue(1)).isSameAs(UserAuthorizationType.DE_REGISTRATION);
        assertThatThrownBy(() -> ServerAssignmentType.fromValue(15)).hasMessageContaining("0..14, was 15");
        assertThatThrownBy(() -> UserAuthorizationType.fromValue(-1)).hasMessageContaining("was -1");
    }

    @Test
    void resultsKnowTheirClassAndSpace() {
        assertThat(CxResult.FIRST_REGISTRATION.isSuccess()).isTrue();
        assertThat(CxResult.SUCCESS_SERVER_NAME_NOT_STORED.isSuccess()).isTrue();
        assertThat(CxResult.USER_UNKNOWN.isSuccess()).isFalse();
        assertThat(CxResult.USER_UNKNOWN.isPermanentFailure()).isTrue();
        assertThat(CxResult.ofResultCode(3002).isProtocolError()).isTrue();
        assertThat(CxResult.ofExperimental(3002).isProtocolError()).isFalse();
        assertThat(CxResult.ofResultCode(4001).isTransientFailure()).isTrue();

        assertThat(CxResult.USER_UNKNOWN.is(CxResultCodes.DIAMETER_ERROR_USER_UNKNOWN)).isTrue();
        assertThat(CxResult.USER_UNKNOWN.is(ResultCodes.DIAMETER_AVP_UNSUPPORTED)).isFalse();
        assertThat(CxResult.of(CxResultCodes.DIAMETER_ERROR_FEATURE_UNSUPPORTED))
                .isEqualTo(CxResult.FEATURE_UNSUPPORTED);
        assertThat(CxResult.IDENTITIES_DONT_MATCH.toResultCode())
                .isEqualTo(CxResultCodes.DIAMETER_ERROR_IDENTITIES_DONT_MATCH);
        assertThat(CxResult.UNABLE_TO_COMPLY.toResultCode()).isEqualTo(ResultCodes.DIAMETER_UNABLE_TO_COMPLY);
        assertThat(CxResult.of(CxResult.ofResultCode(0xFFFF_FFFFL).toResultCode()).resultCode())
                .isEqualTo(0xFFFF_FFFFL);
        assertThat(CxResult.ROAMING_NOT_ALLOWED).hasToString("Experimental-Result-Code 5004");
        assertThatThrownBy(() -> CxResult.ofResultCode(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
