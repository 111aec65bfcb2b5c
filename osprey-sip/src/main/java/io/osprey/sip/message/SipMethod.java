package io.osprey.sip.message;

/**
 * The request methods this stack knows (RFC 3261 §7.1 and RFC 3262, 3265/6665, 3311, 3428, 3515, 3903, 6086).
 * Method names are case-sensitive; anything else is an {@link #EXTENSION} method, carried by its name.
 */
public enum SipMethod {
    ACK, BYE, CANCEL, INFO, INVITE, MESSAGE, NOTIFY, OPTIONS, PRACK, PUBLISH, REFER, REGISTER, SUBSCRIBE, UPDATE,
    /** Any method not listed above, for instance {@code RE%47IST%45R} (RFC 4475 §3.1.1.5). */
    EXTENSION;

    /** The known method named exactly {@code name}, or {@link #EXTENSION}. */
    public static SipMethod of(String name) {
        return switch (name) {
            case "ACK" -> ACK;
            case "BYE" -> BYE;
            case "CANCEL" -> CANCEL;
            case "INFO" -> INFO;
            case "INVITE" -> INVITE;
            case "MESSAGE" -> MESSAGE;
            case "NOTIFY" -> NOTIFY;
            case "OPTIONS" -> OPTIONS;
            case "PRACK" -> PRACK;
            case "PUBLISH" -> PUBLISH;
            case "REFER" -> REFER;
            case "REGISTER" -> REGISTER;
            case "SUBSCRIBE" -> SUBSCRIBE;
            case "UPDATE" -> UPDATE;
            default -> EXTENSION;
        };
    }

    /** The shared constant string for a known method name, else {@code name} itself. */
    public static String intern(String name) {
        SipMethod m = of(name);
        return m == EXTENSION ? name : m.name();
    }
}
