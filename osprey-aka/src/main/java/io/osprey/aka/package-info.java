/**
 * 3GPP AKA for IMS: MILENAGE (TS 35.206), authentication vectors, SQN management and AUTS resynchronisation
 * (TS 33.102 §6.3 and Annex C), a software USIM, and the AKA digest nonce, {@code auts} parameter and
 * AKAv1/AKAv2-MD5 passwords (RFC 3310, RFC 4169). Protocol-level only: no storage, no SIP or Diameter types.
 */
package io.osprey.aka;
