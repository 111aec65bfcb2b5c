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

    @Test
    void controlCharactersLeaveAsQuotedPairsAndLineBreaksAsSpaces() {
        // RFC 3261 §25.1: quoted-pair = "\" (%x00-09 / %x0B-0C / %x0E-7F); a fuzzed From had \<0x1C>
        String raw = "J Rosenberg \u001c\u007f\ttab";

        assertThat(HeaderValues.quote(raw)).isEqualTo("\"J Rosenberg \\\u001c\\\u007f\ttab\"");
        assertThat(HeaderValues.unquote(HeaderValues.quote(raw))).isEqualTo(raw);
        assertThat(HeaderValues.quote("evil\r\nVia: x")).isEqualTo("\"evil  Via: x\"");
    }
}
