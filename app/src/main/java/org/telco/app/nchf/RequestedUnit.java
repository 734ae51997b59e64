package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How much the consumer asks for in one rating group (TS 32.291 RequestedUnit). Every unit is
 * optional; a request with none asks the CHF to choose the amount.
 *
 * @param time seconds (Uint32)
 * @param totalVolume bytes up and down (Uint64)
 * @param uplinkVolume bytes up (Uint64)
 * @param downlinkVolume bytes down (Uint64)
 * @param serviceSpecificUnits service units (Uint64)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestedUnit(
    Long time,
    Long totalVolume,
    Long uplinkVolume,
    Long downlinkVolume,
    Long serviceSpecificUnits) {

  /** A request for a total volume only. */
  public static RequestedUnit ofTotalVolume(long bytes) {
    return new RequestedUnit(null, bytes, null, null, null);
  }

  /** A request that leaves the amount to the CHF. */
  public static RequestedUnit unspecified() {
    return new RequestedUnit(null, null, null, null, null);
  }
}
