package io.osprey.diameter.dictionary;

/** IANA SMI Private Enterprise Codes used as Diameter Vendor-Ids (RFC 6733 §4.1.1). */
public final class Vendors {

    /** 0: IETF AVPs; never sent in a Vendor-ID field. */
    public static final long IETF = 0;
    /** 10415: 3GPP. */
    public static final long THREE_GPP = 10415;

    private Vendors() {
    }
}
