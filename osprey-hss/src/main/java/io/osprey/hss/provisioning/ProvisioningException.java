package io.osprey.hss.provisioning;

import java.util.Optional;

/**
 * A provisioning request was refused. {@link #kind()} maps to an HTTP status (404, 409, 422) and
 * {@link #field()} to the RFC 9457 invalid-parameter name, when one field is to blame.
 */
public final class ProvisioningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the request was refused. */
    public enum Kind {
        /** The subscriber or identity does not exist. */
        NOT_FOUND,
        /** An identity or subscription with that key exists already, or the change would break a reference. */
        CONFLICT,
        /** A field is missing or malformed. */
        INVALID
    }

    private final Kind kind;
    private final String field;
    private final String reason;

    private ProvisioningException(Kind kind, String field, String message, Throwable cause) {
        super(field == null ? message : field + ": " + message, cause);
        this.kind = kind;
        this.field = field;
        this.reason = message;
    }

    public static ProvisioningException invalid(String field, String message) {
        return new ProvisioningException(Kind.INVALID, field, message, null);
    }

    public static ProvisioningException invalid(String field, String message, Throwable cause) {
        return new ProvisioningException(Kind.INVALID, field, message, cause);
    }

    public static ProvisioningException notFound(String message) {
        return new ProvisioningException(Kind.NOT_FOUND, null, message, null);
    }

    /** An unknown identity named by {@code field} (a request field, not the subscriber addressed). */
    public static ProvisioningException notFound(String field, String message) {
        return new ProvisioningException(Kind.NOT_FOUND, field, message, null);
    }

    public static ProvisioningException conflict(String field, String message) {
        return new ProvisioningException(Kind.CONFLICT, field, message, null);
    }

    static ProvisioningException conflict(String message, Throwable cause) {
        return new ProvisioningException(Kind.CONFLICT, null, message, cause);
    }

    /**
     * The same refusal reported under {@code prefix} (such as {@code publicIdentities[1].}): its field, or
     * {@code notFoundField} when a NOT_FOUND names none, gets the prefix.
     */
    ProvisioningException under(String prefix, String notFoundField) {
        String name = field != null ? field : kind == Kind.NOT_FOUND ? notFoundField : null;
        return new ProvisioningException(kind, name == null ? null : prefix + name, reason, this);
    }

    public Kind kind() {
        return kind;
    }

    /** The message without the field name. */
    public String reason() {
        return reason;
    }

    /** The field to blame, if one is. */
    public Optional<String> field() {
        return Optional.ofNullable(field);
    }
}
