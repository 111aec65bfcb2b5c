package io.osprey.sip.message;

import io.osprey.sip.uri.SipGrammar;
import io.osprey.sip.uri.SyntaxLimits;
import io.osprey.sip.uri.Uri;
import java.util.Objects;

/** A SIP request (RFC 3261 §7.1): method, Request-URI, header fields, body. Immutable. */
public final class SipRequest extends SipMessage {

    private final String method;
    private final SipMethod sipMethod;
    private final Uri requestUri;

    private SipRequest(String method, Uri requestUri, SipHeader[] headers, byte[] bodySrc, int bodyOffset,
                       int bodyLength, SyntaxLimits limits, FieldChanges changes) {
        super(headers, bodySrc, bodyOffset, bodyLength, limits, changes);
        this.method = checkMethod(method);
        this.sipMethod = SipMethod.of(method);
        this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
    }

    /**
     * Assembles a request from decoded parts, for decoders. {@code headers} is copied; {@code bodySrc} is not and
     * must never change afterwards.
     */
    public static SipRequest fromParts(String method, Uri requestUri, SipHeader[] headers, byte[] bodySrc,
                                       int bodyOffset, int bodyLength, SyntaxLimits limits) {
        return new SipRequest(SipMethod.intern(method), requestUri, headers.clone(), bodySrc, bodyOffset,
                bodyLength, limits, null);
    }

    /** A builder for a new request with no header fields and no body (for a UAC). */
    public static Builder builder(String method, Uri requestUri) {
        return new Builder(checkMethod(method), requestUri, new SipHeader[0], new byte[0], 0, 0,
                SyntaxLimits.DEFAULTS, new FieldChanges(null));
    }

    private static String checkMethod(String method) {
        if (!SipGrammar.isToken(method)) {
            throw new IllegalArgumentException("method must be a token, was '" + method + "'");
        }
        return method;
    }

    /** The method name, case-sensitive, as on the wire. */
    public String method() {
        return method;
    }

    /** The known method, or {@link SipMethod#EXTENSION}. */
    public SipMethod sipMethod() {
        return sipMethod;
    }

    /** Whether the method is {@code m}. */
    public boolean is(SipMethod m) {
        return sipMethod == m;
    }

    /** The Request-URI. */
    public Uri requestUri() {
        return requestUri;
    }

    @Override
    public String startLine() {
        return method + " " + requestUri + " SIP/2.0";
    }

    @Override
    public boolean isRequest() {
        return true;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(method, requestUri, headerArray(), bodySrc(), bodyOffset(), contentLength(), limits(),
                new FieldChanges(this));
    }

    /** Builds a request; fields not touched keep their raw bytes. */
    public static final class Builder extends SipMessage.Builder<SipRequest, Builder> {
        private String method;
        private Uri requestUri;

        Builder(String method, Uri requestUri, SipHeader[] headers, byte[] bodySrc, int bodyOffset, int bodyLength,
                SyntaxLimits limits, FieldChanges changes) {
            super(headers, bodySrc, bodyOffset, bodyLength, limits, changes);
            this.method = method;
            this.requestUri = Objects.requireNonNull(requestUri, "requestUri");
        }

        @Override
        Builder self() {
            return this;
        }

        /** Sets the method. */
        public Builder method(String newMethod) {
            this.method = checkMethod(newMethod);
            return this;
        }

        /** Sets the Request-URI. */
        public Builder requestUri(Uri uri) {
            this.requestUri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        @Override
        public SipRequest build() {
            return new SipRequest(SipMethod.intern(method), requestUri, headerArray(), bodySrc, bodyOffset,
                    bodyLength, limits, changes);
        }
    }
}
