package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The CHF's answer for one rating group (TS 32.291 MultipleUnitInformation): a grant, or a result
 * code saying why there is none. {@code ratingGroup} is mandatory.
 *
 * @param resultCode the outcome, or null for success
 * @param ratingGroup the rating group (Uint32)
 * @param grantedUnit the quota granted, or null
 * @param triggers the conditions on which the consumer must report this rating group, or null
 * @param validityTime seconds the grant is valid for (DurationSec), or null
 * @param quotaHoldingTime seconds of inactivity after which the consumer returns the quota, or null
 * @param finalUnitIndication set when these are the last units, or null
 * @param volumeQuotaThreshold bytes left at which the consumer asks for more (Uint64), or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record MultipleUnitInformation(
    ResultCode resultCode,
    long ratingGroup,
    GrantedUnit grantedUnit,
    List<Trigger> triggers,
    Long validityTime,
    Long quotaHoldingTime,
    FinalUnitIndication finalUnitIndication,
    Long volumeQuotaThreshold) {

  /** A successful grant with no triggers, times or thresholds. */
  public static MultipleUnitInformation granted(long ratingGroup, GrantedUnit grantedUnit) {
    return new MultipleUnitInformation(
        ResultCode.SUCCESS, ratingGroup, grantedUnit, null, null, null, null, null);
  }

  /** A refusal with a result code, such as QUOTA_LIMIT_REACHED, and no grant. */
  public static MultipleUnitInformation refused(long ratingGroup, ResultCode resultCode) {
    return new MultipleUnitInformation(resultCode, ratingGroup, null, null, null, null, null, null);
  }
}
