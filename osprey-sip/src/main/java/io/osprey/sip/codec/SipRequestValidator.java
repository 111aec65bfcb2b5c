package io.osprey.sip.codec;

import io.osprey.sip.message.CSeq;
import io.osprey.sip.message.NameAddress;
import io.osprey.sip.message.SipHeaderName;
import io.osprey.sip.message.SipMethod;
import io.osprey.sip.message.SipRequest;
import io.osprey.sip.message.SipSyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The semantic checks a server runs on a decoded request before acting on it (RFC 3261 §8.2 for a UAS, §16.3
 * for a proxy), in the order the RFC gives them, answering as RFC 4475 expects: 400 for missing or repeated
 * mandatory fields, bad scalars and a CSeq method mismatch (§3.1.2.17-18, §3.3.1, §3.3.8-9); 416 for a
 * Request-URI scheme not served (§3.3.2); 483 when a proxy sees Max-Forwards 0 (§3.3.11); 420 with Unsupported
 * for unknown Proxy-Require (proxy) or Require (UAS) option tags (§3.3.5); and for a UAS 405/501 for methods it
 * does not serve, 415 with Accept for an unknown body type (§3.3.6), 406 when Accept rules out every body type
 * it could answer an INVITE with (§3.3.15).
 *
 * <p>Syntax is the decoder's business; this class only parses the fields the decoder leaves for later
 * (Contact, Route, Record-Route, Expires, Date). Immutable and thread-safe. A rejected ACK must be dropped, never
 * answered (§17.2.3).
 */
public final class SipRequestValidator {

    /** Which rules apply: a proxy checks Proxy-Require and Max-Forwards; a UAS checks the rest. */
    public enum Role { PROXY, UAS }

    private static final SipHeaderName[] MANDATORY = {
        SipHeaderName.TO, SipHeaderName.FROM, SipHeaderName.CALL_ID, SipHeaderName.CSEQ, SipHeaderName.VIA};
    private static final long MAX_DELTA_SECONDS = 0xFFFF_FFFFL;
    private static final int HEADER_NAMES = SipHeaderName.values().length;

    private final Role role;
    private final Set<String> uriSchemes;
    private final Set<String> optionTags;
    private final Set<String> methods;
    private final List<String> acceptedTypes;
    private final List<String> answerTypes;
    private final CompliancePolicy policy;
    private final ComplianceCounters counters;

    private SipRequestValidator(Builder b) {
        this.role = b.role;
        this.uriSchemes = lower(b.uriSchemes);
        this.optionTags = lower(b.optionTags);
        this.methods = b.methods == null ? null : Set.copyOf(b.methods);
        this.acceptedTypes = List.copyOf(lower(b.acceptedTypes));
        this.answerTypes = List.copyOf(lower(b.answerTypes));
        this.policy = b.policy;
        this.counters = b.counters;
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> out = new TreeSet<>();
        values.forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
        return Set.copyOf(out);
    }

    /** A builder for {@code role}, defaulting to sip/sips/tel, no option tags, application/sdp, lenient. */
    public static Builder builder(Role role) {
        return new Builder(role);
    }

    /** The rejection to answer {@code request} with, or empty when it may be processed. */
    public Optional<SipRejection> validate(SipRequest request) {
        SipRejection r;
        try {
            r = mandatoryFields(request);
            if (r == null) {
                r = fieldSyntax(request);
            }
        } catch (SipSyntaxException e) {
            r = SipRejection.of(400, "Bad " + e.field() + ": " + e.reason()
                    + (e.limit() >= 0 ? " (limit " + e.limit() + ")" : ""));
        }
        if (r == null && !uriSchemes.contains(request.requestUri().scheme())) {
            r = SipRejection.of(416, "Unsupported URI scheme " + request.requestUri().scheme());
        }
        if (r == null) {
            r = role == Role.PROXY ? proxyRules(request) : uasRules(request);
        }
        return Optional.ofNullable(r);
    }

    private SipRejection mandatoryFields(SipRequest request) {
        for (SipHeaderName name : MANDATORY) {
            if (request.headerLines(name) == 0) {
                return SipRejection.of(400, "Missing " + name.canonical() + " header field");
            }
        }
        if (request.maxForwards() < 0 && !policy.allow(SipCompliance.MISSING_MAX_FORWARDS, counters)) {
            return SipRejection.of(400, "Missing Max-Forwards header field");
        }
        int[] seen = new int[HEADER_NAMES];
        for (int i = 0; i < request.headerCount(); i++) {
            SipHeaderName name = request.headerField(i).known();
            if (name != null && name.kind() == SipHeaderName.Kind.SINGLE && ++seen[name.ordinal()] > 1) {
                return SipRejection.of(400, "Multiple " + name.canonical() + " header fields");
            }
        }
        CSeq cseq = request.cseq();
        if (!cseq.method().equals(request.method())) {
            return SipRejection.of(400, "CSeq method " + cseq.method() + " does not match " + request.method());
        }
        return null;
    }

    private SipRejection fieldSyntax(SipRequest request) {
        request.expires();
        for (NameAddress contact : request.contacts()) {
            String expires = contact.param("expires");
            if (expires != null && !isDeltaSeconds(expires)) {
                return SipRejection.of(400, "Bad Contact: expires out of range 0-" + MAX_DELTA_SECONDS);
            }
            SipRejection r = repairs("Contact", contact);
            if (r != null) {
                return r;
            }
        }
        for (NameAddress route : request.routes()) {
            SipRejection r = repairs("Route", route);
            if (r != null) {
                return r;
            }
        }
        request.recordRoutes();
        String date = request.header("Date");
        if (date != null && !date.endsWith(" GMT") && !policy.allow(SipCompliance.NON_GMT_DATE, counters)) {
            return SipRejection.of(400, "Bad Date: time zone must be GMT");
        }
        return null;
    }

    private SipRejection repairs(String field, NameAddress value) {
        for (NameAddress.Repair repair : value.repairs()) {
            SipCompliance deviation = repair == NameAddress.Repair.SPACES_IN_ADDR_SPEC
                    ? SipCompliance.SPACES_IN_ADDR_SPEC : SipCompliance.URI_HEADERS_WITHOUT_ANGLE_BRACKETS;
            if (!policy.allow(deviation, counters)) {
                return SipRejection.of(400, "Bad " + field + (deviation == SipCompliance.SPACES_IN_ADDR_SPEC
                        ? ": whitespace inside <>" : ": URI with headers must be enclosed in <>"));
            }
        }
        return null;
    }

    private static boolean isDeltaSeconds(String v) {
        if (v.isEmpty() || v.length() > 10) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return Long.parseLong(v) <= MAX_DELTA_SECONDS;
    }

    private SipRejection proxyRules(SipRequest request) {
        if (request.maxForwards() == 0 && !request.is(SipMethod.OPTIONS)) {
            return SipRejection.of(483, null);
        }
        return unsupported(request.headers("Proxy-Require"));
    }

    private SipRejection uasRules(SipRequest request) {
        if (methods != null && !methods.contains(request.method())) {
            return request.sipMethod() == SipMethod.EXTENSION ? SipRejection.of(501, null)
                    : SipRejection.of(405, null, "Allow", String.join(", ", new TreeSet<>(methods)));
        }
        if (!request.is(SipMethod.ACK) && !request.is(SipMethod.CANCEL)) {
            SipRejection r = unsupported(request.headers("Require"));
            if (r != null) {
                return r;
            }
        }
        String type = request.contentType();
        if (request.contentLength() > 0 && (type == null || !acceptable(mediaType(type), acceptedTypes))) {
            return SipRejection.of(415, null, "Accept", String.join(", ", acceptedTypes));
        }
        List<String> accept = request.headers("Accept");
        if (request.is(SipMethod.INVITE) && !accept.isEmpty() && !anyAnswerAcceptable(accept)) {
            return SipRejection.of(406, "No acceptable body type among " + String.join(", ", answerTypes));
        }
        return null;
    }

    private SipRejection unsupported(List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String tag : required) {
            if (!tag.isEmpty() && !optionTags.contains(tag.toLowerCase(Locale.ROOT))) {
                missing.add(tag);
            }
        }
        return missing.isEmpty() ? null : SipRejection.of(420, null, "Unsupported", String.join(", ", missing));
    }

    private boolean anyAnswerAcceptable(List<String> accept) {
        for (String range : accept) {
            String r = mediaType(range);
            for (String answer : answerTypes) {
                if (acceptable(answer, List.of(r))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether media type {@code type} is covered by one of {@code ranges} ({@code * / *}, {@code type/*}). */
    private static boolean acceptable(String type, List<String> ranges) {
        for (String range : ranges) {
            if (range.equals("*/*") || range.equals(type)
                    || (range.endsWith("/*") && type.startsWith(range.substring(0, range.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String value) {
        int semi = value.indexOf(';');
        return (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    /** Configures a {@link SipRequestValidator}. */
    public static final class Builder {
        private final Role role;
        private Set<String> uriSchemes = Set.of("sip", "sips", "tel");
        private Set<String> optionTags = Set.of();
        private Set<String> methods;
        private Set<String> acceptedTypes = Set.of("application/sdp");
        private Set<String> answerTypes = Set.of("application/sdp");
        private CompliancePolicy policy = CompliancePolicy.LENIENT;
        private ComplianceCounters counters = new ComplianceCounters();

        private Builder(Role role) {
            this.role = role;
        }

        /** Request-URI schemes served; others get 416. */
        public Builder uriSchemes(Set<String> schemes) {
            this.uriSchemes = Set.copyOf(schemes);
            return this;
        }

        /** Option tags supported in Require (UAS) or Proxy-Require (proxy); others get 420. */
        public Builder optionTags(Set<String> tags) {
            this.optionTags = Set.copyOf(tags);
            return this;
        }

        /** UAS only: methods served; others get 405 (known) or 501 (extension). Unset: no check. */
        public Builder methods(Set<String> served) {
            this.methods = Set.copyOf(served);
            return this;
        }

        /** UAS only: body types understood in requests; others get 415. */
        public Builder acceptedContentTypes(Set<String> types) {
            this.acceptedTypes = Set.copyOf(types);
            return this;
        }

        /** UAS only: body types an answer to INVITE could carry; an Accept allowing none gets 406. */
        public Builder answerContentTypes(Set<String> types) {
            this.answerTypes = Set.copyOf(types);
            return this;
        }

        /** Which deviations to tolerate (Max-Forwards missing, Date not GMT...) and where to count them. */
        public Builder compliance(CompliancePolicy compliancePolicy, ComplianceCounters complianceCounters) {
            this.policy = compliancePolicy;
            this.counters = complianceCounters;
            return this;
        }

        public SipRequestValidator build() {
            return new SipRequestValidator(this);
        }
    }
}
