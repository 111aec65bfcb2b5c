/**
 * Telephone numbers as the CSCFs route them: normalisation of tel URIs (RFC 3966), SIP URIs with
 * {@code user=phone} and dialled strings into E.164 global numbers under the home numbering plan
 * (TS 24.229 §5.4.3.2, the S-CSCF's handling of a Request-URI that holds a telephone number), and longest-prefix
 * routing of E.164 numbers to trunks.
 */
package io.osprey.cscf.numbers;
