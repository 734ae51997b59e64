package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The consumer's answer to a notification (TS 32.291 ChargingNotifyResponse); often an empty 204
 * instead.
 *
 * @param invocationResult the outcome, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargingNotifyResponse(InvocationResult invocationResult) {}
