package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A PLMN identity (TS 29.571 PlmnId): mobile country code and mobile network code, as digit
 * strings.
 *
 * @param mcc three digits
 * @param mnc two or three digits
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlmnId(String mcc, String mnc) {}
