/**
 * The registration event package of RFC 3680: the {@code application/reginfo+xml} document (§5.4 schema,
 * namespace {@code urn:ietf:params:xml:ns:reginfo}) that an S-CSCF sends in NOTIFY to subscribers of the
 * {@code reg} event (TS 24.229 §5.4.2.1.2), as an immutable model, a writer, and a bounded, XXE-safe StAX parser.
 * Elements from other namespaces, such as the GRUU extension of RFC 5628, are ignored when reading.
 */
package io.osprey.sip.regevent;
