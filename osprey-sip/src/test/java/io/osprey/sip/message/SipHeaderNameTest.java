package io.osprey.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SipHeaderNameTest {

    /** The compact forms of RFC 3261 §7.3.3 and the later RFCs (3265, 3515, 3841, 3892, 4028, 4474). */
    @ParameterizedTest
    @CsvSource({
        "i, Call-ID", "m, Contact", "e, Content-Encoding", "l, Content-Length", "c, Content-Type", "f, From",
        "s, Subject", "k, Supported", "t, To", "v, Via", "o, Event", "u, Allow-Events", "r, Refer-To",
        "b, Referred-By", "x, Session-Expires", "y, Identity", "n, Identity-Info", "a, Accept-Contact",
        "j, Reject-Contact", "d, Request-Disposition"})
    void compactFormsMapToLongForms(String compact, String canonical) {
        SipHeaderName byCompact = SipHeaderName.lookup(compact);
        SipHeaderName byUpper = SipHeaderName.lookup(compact.toUpperCase());

        assertThat(byCompact).isNotNull();
        assertThat(byCompact.canonical()).isEqualTo(canonical);
        assertThat(byUpper).isSameAs(byCompact);
        assertThat(byCompact.compact()).isEqualTo(compact.charAt(0));
        assertThat(SipHeaderName.lookup(canonical)).isSameAs(byCompact);
    }

    @Test
    void everyLongNameIsFoundInAnyCaseFromStringsAndBytes() {
        for (SipHeaderName h : SipHeaderName.values()) {
            byte[] upper = h.canonical().toUpperCase().getBytes(StandardCharsets.US_ASCII);
            byte[] padded = new byte[upper.length + 2];
            System.arraycopy(upper, 0, padded, 1, upper.length);

            assertThat(SipHeaderName.lookup(h.canonical().toLowerCase())).isSameAs(h);
            assertThat(SipHeaderName.lookup(padded, 1, upper.length)).isSameAs(h);
        }
    }

    @Test
    void extensionNamesAreUnknown() {
        assertThat(SipHeaderName.lookup("C%6Fntact")).isNull();
        assertThat(SipHeaderName.lookup("NewFangledHeader")).isNull();
        assertThat(SipHeaderName.lookup("Call\rID")).isNull();
        assertThat(SipHeaderName.lookup("")).isNull();
        assertThat(SipHeaderName.lookup("g")).isNull();
    }
}
