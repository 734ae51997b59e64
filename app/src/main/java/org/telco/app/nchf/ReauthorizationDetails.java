package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Which quota the CHF asks the consumer to re-authorize (TS 32.291 ReauthorizationDetails).
 *
 * @param serviceId the service identifier (Uint32), or null
 * @param ratingGroup the rating group (Uint32), or null for all
 * @param quotaManagementIndicator how the quota is charged, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReauthorizationDetails(
    Long serviceId, Long ratingGroup, QuotaManagementIndicator quotaManagementIndicator) {

  /** Re-authorization of one rating group. */
  public static ReauthorizationDetails ofRatingGroup(long ratingGroup) {
    return new ReauthorizationDetails(null, ratingGroup, null);
  }
}
