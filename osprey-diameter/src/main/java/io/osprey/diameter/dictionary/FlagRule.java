package io.osprey.diameter.dictionary;

/**
 * How an AVP definition rules its 'M' (mandatory) bit, as in the "AVP Flag rules" tables of RFC 6733 §4.5 and
 * the 3GPP AVP tables. Osprey sends the bit only for {@link #MUST} and accepts any setting on receive,
 * because releases and implementations disagree (see the reference notes on Rel-15 M-bit rules).
 */
public enum FlagRule {
    MUST,
    MAY,
    MUST_NOT
}
