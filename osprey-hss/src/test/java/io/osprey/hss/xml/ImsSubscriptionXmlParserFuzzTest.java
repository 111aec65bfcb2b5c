package io.osprey.hss.xml;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.osprey.hss.model.ImsSubscription;

/**
 * Fuzzes the user profile parser. Without {@code JAZZER_FUZZ=1} it runs as a regression test over the
 * committed seeds in {@code ImsSubscriptionXmlParserFuzzTestInputs/fuzzParse/}. Properties: only an
 * {@link ImsSubscriptionXmlException} escapes, and whatever parses is written back to a document that parses
 * to the same model.
 */
class ImsSubscriptionXmlParserFuzzTest {

    private static final ImsSubscriptionXmlParser PARSER = new ImsSubscriptionXmlParser();
    private static final ImsSubscriptionXmlWriter WRITER = new ImsSubscriptionXmlWriter();

    @FuzzTest(maxDuration = "60s")
    void fuzzParse(byte[] input) {
        ImsSubscription subscription;
        try {
            subscription = PARSER.parse(input);
        } catch (ImsSubscriptionXmlException e) {
            return;
        }
        assertThat(PARSER.parse(WRITER.writeBytes(subscription))).isEqualTo(subscription);
    }
}
