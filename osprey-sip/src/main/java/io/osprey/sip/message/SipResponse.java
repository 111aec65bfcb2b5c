package io.osprey.sip.message;

import io.osprey.sip.uri.SyntaxLimits;

/** A SIP response (RFC 3261 §7.2): status code, reason phrase, header fields, body. Immutable. */
public final class SipResponse extends SipMessage {

    private final int statusCode;
    private final String reasonPhrase;

    private SipResponse(int statusCode, String reasonPhrase, SipHeader[] headers, byte[] bodySrc, int bodyOffset,
                        int bodyLength, SyntaxLimits limits, FieldChanges changes) {
        super(headers, bodySrc, bodyOffset, bodyLength, limits, changes);
        this.statusCode = checkStatus(statusCode);
        this.reasonPhrase = checkReason(reasonPhrase);
    }

    /**
     * Assembles a response from decoded parts, for decoders. {@code headers} is copied; {@code bodySrc} is not and
     * must never change afterwards.
     */
    public static SipResponse fromParts(int statusCode, String reasonPhrase, SipHeader[] headers, byte[] bodySrc,
                                        int bodyOffset, int bodyLength, SyntaxLimits limits) {
        return new SipResponse(statusCode, reasonPhrase, headers.clone(), bodySrc, bodyOffset, bodyLength, limits,
                null);
    }

    /** A builder for a response with no header fields; {@code reason} null for the standard phrase. */
    public static Builder builder(int statusCode, String reason) {
        return new Builder(statusCode, reason, new SipHeader[0], new byte[0], 0, 0, SyntaxLimits.DEFAULTS,
                new FieldChanges(null));
    }

    /**
     * A response to {@code request} per RFC 3261 §8.2.6: the Via fields (all, in order), From, To, Call-ID and
     * CSeq are copied as received, byte for byte; a 100 Trying also gets the request's Timestamp (§8.2.6.1).
     * Add the To tag with {@link Builder#toTag(String)} for responses other than 100 (§8.2.6.2).
     *
     * @param reason the reason phrase, or null for the standard one
     */
    public static Builder forRequest(SipRequest request, int statusCode, String reason) {
        // The copied fields are read under the request's limits, and keep what the request parsed of them.
        Builder b = new Builder(statusCode, reason, new SipHeader[0], new byte[0], 0, 0, request.limits(),
                FieldChanges.responseTo(request));
        for (int i = 0; i < request.headerCount(); i++) {
            SipHeader h = request.headerField(i);
            SipHeaderName name = h.known();
            if (name == SipHeaderName.VIA || name == SipHeaderName.FROM || name == SipHeaderName.TO
                    || name == SipHeaderName.CALL_ID || name == SipHeaderName.CSEQ
                    || (name == SipHeaderName.TIMESTAMP && statusCode == 100)) {
                b.headers.addLast(h); // copied in order: the fields, and what was parsed of them, stay the same
            }
        }
        return b;
    }

    private static int checkStatus(int code) {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("status code must be 100-699, was " + code);
        }
        return code;
    }

    private static String checkReason(String reason) {
        for (int i = 0; i < reason.length(); i++) {
            char c = reason.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("reason phrase must not contain CR or LF");
            }
        }
        return reason;
    }

    /** The status code, 100-699. */
    public int statusCode() {
        return statusCode;
    }

    /** The reason phrase, possibly empty (RFC 4475 §3.1.1.13). */
    public String reasonPhrase() {
        return reasonPhrase;
    }

    /** Whether the code is 100-199. */
    public boolean isProvisional() {
        return statusCode < 200;
    }

    @Override
    public String startLine() {
        return "SIP/2.0 " + statusCode + " " + reasonPhrase;
    }

    @Override
    public boolean isRequest() {
        return false;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(statusCode, reasonPhrase, headerArray(), bodySrc(), bodyOffset(), contentLength(),
                limits(), new FieldChanges(this));
    }

    /** Builds a response; fields not touched keep their raw bytes. */
    public static final class Builder extends SipMessage.Builder<SipResponse, Builder> {
        private int statusCode;
        private String reason;

        Builder(int statusCode, String reason, SipHeader[] headers, byte[] bodySrc, int bodyOffset, int bodyLength,
                SyntaxLimits limits, FieldChanges changes) {
            super(headers, bodySrc, bodyOffset, bodyLength, limits, changes);
            status(statusCode, reason);
        }

        @Override
        Builder self() {
            return this;
        }

        /** Sets status code and reason phrase (null for the standard phrase). */
        public Builder status(int code, String reasonPhrase) {
            this.statusCode = checkStatus(code);
            this.reason = checkReason(reasonPhrase != null ? reasonPhrase : ReasonPhrases.of(code));
            return this;
        }

        /**
         * Adds {@code tag} to the To field unless it has one already (RFC 3261 §8.2.6.2).
         *
         * @throws SipSyntaxException when the To field is malformed
         * @throws IllegalStateException when there is no To field
         */
        public Builder toTag(String tag) {
            SipResponse probe = build();
            NameAddress to = probe.to();
            if (to == null) {
                throw new IllegalStateException("no To header field to tag");
            }
            if (to.tag() == null) {
                set("To", to.withTag(tag).toString());
            }
            return this;
        }

        @Override
        public SipResponse build() {
            return new SipResponse(statusCode, reason, headerArray(), bodySrc, bodyOffset, bodyLength, limits,
                    changes);
        }
    }
}
