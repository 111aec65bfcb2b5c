package io.osprey.cscf.icscf;

import static org.assertj.core.api.Assertions.assertThat;

import io.osprey.cscf.cx.ServerCapabilities;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** S-CSCF selection by capabilities (TS 29.228 §6.7): mandatory ones filter, optional ones rank. */
class ScscfSelectionTest {

    private final ScscfSelection selection = new ScscfSelection(List.of(
            new ScscfCandidate("sip:s1.ims.test", Set.of(1)),
            new ScscfCandidate("sip:s2.ims.test", Set.of(1, 2, 3)),
            new ScscfCandidate("sip:s3.ims.test", Set.of(2))));

    @Test
    void mandatoryCapabilitiesFilterAndOptionalOnesRank() {
        List<String> chosen = selection.choose(new ServerCapabilities(List.of(1), List.of(3), List.of()));

        assertThat(chosen).containsExactly("sip:s2.ims.test", "sip:s1.ims.test");
    }

    @Test
    void serverNamesTheHssSuggestsComeFirst() {
        List<String> chosen = selection.choose(new ServerCapabilities(List.of(), List.of(),
                List.of("sip:s3.ims.test")));

        assertThat(chosen).first().isEqualTo("sip:s3.ims.test");
        assertThat(chosen).containsOnlyOnce("sip:s3.ims.test").hasSize(3);
    }

    @Test
    void noCandidateWithTheMandatoryCapabilitiesLeavesOnlySuggestions() {
        assertThat(selection.choose(new ServerCapabilities(List.of(9), List.of(), List.of()))).isEmpty();
    }
}
