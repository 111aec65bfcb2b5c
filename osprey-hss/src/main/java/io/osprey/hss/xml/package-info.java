/**
 * The IMS user profile document of TS 29.228 Annex D/E ({@code CxDataType} schema, root IMSSubscription) that
 * the HSS sends in the Cx User-Data AVP and in Sh: a writer from the model and a bounded, XXE-safe StAX parser
 * into it. Element order follows the schema's sequences; there is no XML namespace.
 */
package io.osprey.hss.xml;
