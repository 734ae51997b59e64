/**
 * The wire model of 3GPP Nchf_ConvergedCharging (TS 32.291 Release 17) as far as a data-charging
 * CHF uses it, and the strict reader of its requests.
 *
 * <p>The records carry the JSON field names of {@code TS32291_Nchf_ConvergedCharging.yaml} and
 * {@code TS29571_CommonData.yaml} exactly, including the specification's odd casings ({@code
 * nFName}, {@code pDUSessionChargingInformation}, {@code uPFID}); where a Java name differs, a
 * {@code @JsonProperty} holds the wire name. They ignore fields they do not model, because a real
 * SMF sends many more, and leave out null fields when written. Enumerations that the specification
 * leaves open ("one of these or any string") are small value records that keep an unknown value as
 * received. Uint32 and Uint64 are {@code long}; a DateTime is an RFC 3339 string such as {@code
 * Instant.toString()} gives.
 *
 * <p>{@link org.telco.app.nchf.NchfRequests} turns a request body into a {@link
 * org.telco.app.nchf.ChargingDataRequest} or a 3GPP {@link org.telco.app.nchf.ProblemDetails}
 * naming the offending field as a JSON pointer.
 */
package org.telco.app.nchf;
