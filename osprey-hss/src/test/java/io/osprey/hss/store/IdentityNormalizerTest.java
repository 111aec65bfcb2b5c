package io.osprey.hss.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.hss.model.Impu;
import org.junit.jupiter.api.Test;

class IdentityNormalizerTest {

    @Test
    void lowerCasesTheSchemeAndDropsTelVisualSeparators() {
        assertThat(normalize("TEL:+1-(555).0100;phone-context=x")).isEqualTo("tel:+15550100;phone-context=x");
        assertThat(normalize("Sip:Alice@Example.org")).isEqualTo("sip:Alice@Example.org");
        assertThat(normalize("sip:+1-555@example.org")).isEqualTo("sip:+1-555@example.org");
        assertThat(IdentityNormalizer.NONE.normalize(new Impu("TEL:+1-555")).uri()).isEqualTo("TEL:+1-555");
    }

    private static String normalize(String uri) {
        return IdentityNormalizer.DEFAULT.normalize(new Impu(uri)).uri();
    }
}
