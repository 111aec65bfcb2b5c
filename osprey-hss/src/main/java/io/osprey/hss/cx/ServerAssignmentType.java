package io.osprey.hss.cx;

import java.util.Optional;

/**
 * The Server-Assignment-Type values of TS 29.229 §6.3.15 that Cx uses (12–14 belong to SWx) and what each asks
 * of the HSS by TS 29.228 §6.1.2.1: which registration state the identities take, whether the S-CSCF name is
 * stored, kept or cleared, and whether the SAA carries the user profile.
 */
enum ServerAssignmentType {

    NO_ASSIGNMENT(0, Effect.NONE, true),
    REGISTRATION(1, Effect.REGISTER, true),
    RE_REGISTRATION(2, Effect.REGISTER, true),
    UNREGISTERED_USER(3, Effect.UNREGISTERED, true),
    TIMEOUT_DEREGISTRATION(4, Effect.DEREGISTER, false),
    USER_DEREGISTRATION(5, Effect.DEREGISTER, false),
    TIMEOUT_DEREGISTRATION_STORE_SERVER_NAME(6, Effect.DEREGISTER_KEEPING_NAME, false),
    USER_DEREGISTRATION_STORE_SERVER_NAME(7, Effect.DEREGISTER_KEEPING_NAME, false),
    ADMINISTRATIVE_DEREGISTRATION(8, Effect.DEREGISTER, false),
    AUTHENTICATION_FAILURE(9, Effect.END_AUTHENTICATION, false),
    AUTHENTICATION_TIMEOUT(10, Effect.END_AUTHENTICATION, false),
    DEREGISTRATION_TOO_MUCH_DATA(11, Effect.DEREGISTER, false);

    /** What the HSS does to the registration of the identities named in the SAR. */
    enum Effect {
        /** Nothing changes (NO_ASSIGNMENT only reads). */
        NONE,
        /**
         * The authentication a MAR left pending failed or timed out: the state stays, the pending flag goes, and
         * identities that are not registered lose the S-CSCF name the MAR stored (TS 29.228 §6.1.2.1, §6.3.1).
         */
        END_AUTHENTICATION,
        /** REGISTERED, this S-CSCF stored. */
        REGISTER,
        /** UNREGISTERED with this S-CSCF stored, unless already REGISTERED there. */
        UNREGISTERED,
        /** NOT_REGISTERED, S-CSCF name cleared. */
        DEREGISTER,
        /**
         * The HSS keeps the S-CSCF name, so the identities stay reachable through it: UNREGISTERED (TS 24.228
         * §6 network-initiated deregistration flow: "stored as unregistered in the HSS and S-CSCF").
         */
        DEREGISTER_KEEPING_NAME
    }

    private final int code;
    private final Effect effect;
    private final boolean returnsUserData;

    ServerAssignmentType(int code, Effect effect, boolean returnsUserData) {
        this.code = code;
        this.effect = effect;
        this.returnsUserData = returnsUserData;
    }

    int code() {
        return code;
    }

    Effect effect() {
        return effect;
    }

    /** Whether the SAA carries User-Data (unless the S-CSCF says it has it already). */
    boolean returnsUserData() {
        return returnsUserData;
    }

    /**
     * A deregistration of some kind: the SAR may name several Public-Identities, or none when it names the
     * private identity, whose identities are then all deregistered (TS 29.228 §6.1.2, the Public Identity element).
     */
    boolean isDeregistration() {
        return effect == Effect.DEREGISTER || effect == Effect.DEREGISTER_KEEPING_NAME;
    }

    /** The type for {@code code}, or empty for a value Cx does not define (DIAMETER_ERROR_IN_ASSIGNMENT_TYPE). */
    static Optional<ServerAssignmentType> of(int code) {
        for (ServerAssignmentType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
