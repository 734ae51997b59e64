package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tells the consumer that the granted units are the last ones and what to do after them (TS 32.291
 * FinalUnitIndication). {@code finalUnitAction} is mandatory.
 *
 * @param finalUnitAction terminate, redirect or restrict access
 * @param restrictionFilterRule the IP filter rule of restricted access, or null
 * @param filterId the name of a filter configured in the consumer, or null
 * @param redirectServer where to redirect, for REDIRECT, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record FinalUnitIndication(
    FinalUnitAction finalUnitAction,
    String restrictionFilterRule,
    String filterId,
    RedirectServer redirectServer) {

  /** The final units, after which the consumer ends the service. */
  public static FinalUnitIndication terminate() {
    return new FinalUnitIndication(FinalUnitAction.TERMINATE, null, null, null);
  }

  /** The final units, after which the consumer redirects the user to a URL, such as a top-up. */
  public static FinalUnitIndication redirectTo(String url) {
    return new FinalUnitIndication(
        FinalUnitAction.REDIRECT, null, null, new RedirectServer(RedirectAddressType.URL, url));
  }
}
