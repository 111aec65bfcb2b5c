/**
 * The CSCFs' side of Cx (TS 29.228 §6, TS 29.229 §6): {@link io.osprey.cscf.cx.CxClient} sends UAR and LIR for the
 * I-CSCF and MAR and SAR for the S-CSCF, reads the answers into records, and serves the HSS-initiated RTR and PPR.
 */
package io.osprey.cscf.cx;
