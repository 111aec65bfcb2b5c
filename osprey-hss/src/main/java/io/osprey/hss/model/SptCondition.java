package io.osprey.hss.model;

import java.util.Locale;
import java.util.Optional;

/**
 * What one service point trigger tests: exactly one of the choices of tSePoTri in TS 29.228 Annex E
 * (RequestURI, Method, SIPHeader, SessionCase, SessionDescription). Regular expressions are kept as text;
 * the S-CSCF compiles them.
 */
public sealed interface SptCondition {

    /** Longest regular expression or header name accepted. */
    int MAX_PATTERN_LENGTH = 1024;
    /** Longest SIP method name accepted. */
    int MAX_METHOD_LENGTH = 32;

    /** Matches the Request-URI against {@code pattern}. */
    record RequestUri(String pattern) implements SptCondition {
        public RequestUri {
            Checks.text("spt.requestUri", pattern, MAX_PATTERN_LENGTH);
        }
    }

    /** Matches the request method, e.g. {@code INVITE}; stored in upper case. */
    record Method(String name) implements SptCondition {
        public Method {
            Checks.token("spt.method", name, MAX_METHOD_LENGTH);
            name = name.toUpperCase(Locale.ROOT);
        }
    }

    /**
     * Matches a header: present when {@code content} is empty, otherwise a header whose value matches it.
     *
     * @param header  header name (a pattern in the S-CSCFs that follow Kamailio)
     * @param content pattern for the header value
     */
    record SipHeader(String header, Optional<String> content) implements SptCondition {
        public SipHeader {
            Checks.token("spt.sipHeader.header", header, MAX_PATTERN_LENGTH);
            Checks.optional("spt.sipHeader.content", content)
                    .ifPresent(c -> Checks.anyText("spt.sipHeader.content", c, MAX_PATTERN_LENGTH));
        }
    }

    /** Matches the session case (originating, terminating, …). */
    record InSessionCase(SessionCase sessionCase) implements SptCondition {
        public InSessionCase {
            Checks.notNull("spt.sessionCase", sessionCase);
        }
    }

    /**
     * Matches an SDP line: {@code line} names the line type (e.g. {@code m}), {@code content} its value.
     */
    record SessionDescription(String line, Optional<String> content) implements SptCondition {
        public SessionDescription {
            Checks.token("spt.sessionDescription.line", line, MAX_PATTERN_LENGTH);
            Checks.optional("spt.sessionDescription.content", content)
                    .ifPresent(c -> Checks.anyText("spt.sessionDescription.content", c, MAX_PATTERN_LENGTH));
        }
    }
}
