package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Units the consumer used in one rating group since its last report (TS 32.291 UsedUnitContainer).
 * {@code localSequenceNumber} is mandatory; it numbers the containers of a session so that a
 * retransmitted report is recognised.
 *
 * @param serviceId the service identifier (Uint32), or null
 * @param quotaManagementIndicator how these units were charged, or null
 * @param triggers why the consumer reports, or null
 * @param triggerTimestamp when the trigger fired, RFC 3339, or null
 * @param time seconds used (Uint32)
 * @param totalVolume bytes used up and down (Uint64)
 * @param uplinkVolume bytes used up (Uint64)
 * @param downlinkVolume bytes used down (Uint64)
 * @param serviceSpecificUnits service units used (Uint64)
 * @param eventTimeStamps when events happened, RFC 3339, or null
 * @param localSequenceNumber the container's number within the session
 * @param pduContainerInformation the PDU session details of the usage, kept as received ({@code
 *     pDUContainerInformation})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record UsedUnitContainer(
    Long serviceId,
    QuotaManagementIndicator quotaManagementIndicator,
    List<Trigger> triggers,
    String triggerTimestamp,
    Long time,
    Long totalVolume,
    Long uplinkVolume,
    Long downlinkVolume,
    Long serviceSpecificUnits,
    List<String> eventTimeStamps,
    long localSequenceNumber,
    @JsonProperty("pDUContainerInformation") JsonNode pduContainerInformation) {

  /** A container of volumes up and down, their total being their sum, without triggers. */
  public static UsedUnitContainer ofVolumes(
      long localSequenceNumber, long uplinkBytes, long downlinkBytes) {
    return new UsedUnitContainer(
        null,
        null,
        null,
        null,
        null,
        Math.addExact(uplinkBytes, downlinkBytes),
        uplinkBytes,
        downlinkBytes,
        null,
        null,
        localSequenceNumber,
        null);
  }
}
