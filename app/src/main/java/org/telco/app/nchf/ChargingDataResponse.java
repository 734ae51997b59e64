package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The CHF's answer to a charging data create or update, and the body of a 4xx that carries one (TS
 * 32.291 ChargingDataResponse). {@code invocationTimeStamp} and {@code invocationSequenceNumber}
 * are mandatory; the sequence number echoes the request's.
 *
 * @param invocationTimeStamp when the CHF answered, RFC 3339
 * @param invocationSequenceNumber the request's sequence number (Uint32)
 * @param invocationResult the outcome as a whole, or null
 * @param sessionFailover whether the consumer may fail over to another CHF, or null
 * @param supportedFeatures the features the CHF supports, hexadecimal, or null
 * @param multipleUnitInformation the answer per rating group, or null
 * @param triggers the session-level triggers the CHF arms, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargingDataResponse(
    String invocationTimeStamp,
    long invocationSequenceNumber,
    InvocationResult invocationResult,
    SessionFailover sessionFailover,
    String supportedFeatures,
    List<MultipleUnitInformation> multipleUnitInformation,
    List<Trigger> triggers) {

  /** An answer with rating groups only. */
  public static ChargingDataResponse of(
      String invocationTimeStamp,
      long invocationSequenceNumber,
      List<MultipleUnitInformation> multipleUnitInformation) {
    return new ChargingDataResponse(
        invocationTimeStamp,
        invocationSequenceNumber,
        null,
        null,
        null,
        List.copyOf(multipleUnitInformation),
        null);
  }
}
