/**
 * The SMS centre of an operator: messages accepted from ESMEs (over SMPP), from handsets and from
 * the platform's own services are stored first, then routed to a handset inbox, to another
 * operator's centre, to a short-code service or to an ESME bound as receiver, with delivery
 * receipts back to the ESME that asked. Plain Java: the SMPP server ({@code org.telco.sms.smpp}),
 * the database and HTTP are adapters behind the ports here ({@link org.telco.sms.SmsStore}, {@link
 * org.telco.sms.PeerLink}).
 */
package org.telco.sms;
