package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The CHF's notification to the consumer's {@code notifyUri} (TS 32.291 ChargingNotifyRequest):
 * re-authorize quota, for instance after a top-up or a new traffic card, or abort charging. {@code
 * notificationType} is mandatory.
 *
 * @param notificationType re-authorization or abort
 * @param reauthorizationDetails which quota to re-authorize, or null for all
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargingNotifyRequest(
    NotificationType notificationType, List<ReauthorizationDetails> reauthorizationDetails) {}
