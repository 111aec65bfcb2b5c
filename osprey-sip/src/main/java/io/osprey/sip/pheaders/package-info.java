/**
 * The 3GPP private header fields of RFC 7315 (with the TS 24.229 §7.2A extensions and RFC 7976 usage) that the
 * CSCFs and the UE read and write: P-Charging-Vector, P-Charging-Function-Addresses and P-Associated-URI, as
 * immutable values with bounded parsers and formatters, and a lock-free generator of unique ICID values.
 */
package io.osprey.sip.pheaders;
