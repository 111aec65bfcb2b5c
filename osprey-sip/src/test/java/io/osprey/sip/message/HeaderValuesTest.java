package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeaderValuesTest {

    @Test
    void splitsOnTopLevelCommasOnly() {
        assertThat(HeaderValues.split("\"Watson, Thomas\" <sip:a@b>;q=0.5 , <sip:c@d?x=1,2>, sip:e@f"))
                .containsExactly("\"Watson, Thomas\" <sip:a@b>;q=0.5", "<sip:c@d?x=1,2>", "sip:e@f");
        assertThat(HeaderValues.split("\"a\\\", b\" <sip:x@y>")).containsExactly("\"a\\\", b\" <sip:x@y>");
        assertThat(HeaderValues.split(" single ")).containsExactly("single");
        assertThat(HeaderValues.split(";;,,;;,;")).containsExactly(";;", "", ";;", ";");
    }

    @Test
    void quoteAndUnquoteAreInverse() {
        String raw = "say \"hi\" \\ bye";

        assertThat(HeaderValues.quote(raw)).isEqualTo("\"say \\\"hi\\\" \\\\ bye\"");
        assertThat(HeaderValues.unquote(HeaderValues.quote(raw))).isEqualTo(raw);
        assertThat(HeaderValues.unquote("token")).isEqualTo("token");
    }
}
