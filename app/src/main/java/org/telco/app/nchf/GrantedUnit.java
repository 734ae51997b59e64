package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How much the CHF grants in one rating group (TS 32.291 GrantedUnit).
 *
 * @param tariffTimeChange when the tariff changes, RFC 3339, or null
 * @param time seconds (Uint32)
 * @param totalVolume bytes up and down (Uint64)
 * @param uplinkVolume bytes up (Uint64)
 * @param downlinkVolume bytes down (Uint64)
 * @param serviceSpecificUnits service units (Uint64)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GrantedUnit(
    String tariffTimeChange,
    Long time,
    Long totalVolume,
    Long uplinkVolume,
    Long downlinkVolume,
    Long serviceSpecificUnits) {

  /** A grant of a total volume only, as a data CHF usually gives. */
  public static GrantedUnit ofTotalVolume(long bytes) {
    return new GrantedUnit(null, null, bytes, null, null, null);
  }
}
