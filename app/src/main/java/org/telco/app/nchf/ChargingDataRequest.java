package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * The body of a charging data create, update or release (TS 32.291 ChargingDataRequest), as far as
 * a data-charging CHF uses it. {@code nfConsumerIdentification}, {@code invocationTimeStamp} and
 * {@code invocationSequenceNumber} are mandatory; {@link NchfRequests#read} guarantees them and
 * checks the types of everything else here.
 *
 * @param subscriberIdentifier the SUPI, such as {@code imsi-460001234567890}, or null
 * @param nfConsumerIdentification who asks
 * @param invocationTimeStamp when the consumer sent it, RFC 3339
 * @param invocationSequenceNumber the request's number within the session (Uint32)
 * @param retransmissionIndicator true when this is a retransmission, or null
 * @param oneTimeEvent true for event-based charging, or null
 * @param notifyUri where the CHF sends notifications for this session, or null
 * @param supportedFeatures the features the consumer supports, hexadecimal, or null
 * @param multipleUnitUsage the rating groups asked for and reported, or null
 * @param triggers the session-level triggers that made the consumer report, or null
 * @param pduSessionChargingInformation the PDU session's details, kept as received so that nothing
 *     the SMF sends is lost ({@code pDUSessionChargingInformation})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChargingDataRequest(
    @JsonProperty("subscriberIdentifier") String subscriberIdentifier,
    @JsonProperty("nfConsumerIdentification") NFIdentification nfConsumerIdentification,
    @JsonProperty("invocationTimeStamp") String invocationTimeStamp,
    @JsonProperty("invocationSequenceNumber") long invocationSequenceNumber,
    @JsonProperty("retransmissionIndicator") Boolean retransmissionIndicator,
    @JsonProperty("oneTimeEvent") Boolean oneTimeEvent,
    @JsonProperty("notifyUri") String notifyUri,
    @JsonProperty("supportedFeatures") String supportedFeatures,
    @JsonProperty("multipleUnitUsage") List<MultipleUnitUsage> multipleUnitUsage,
    @JsonProperty("triggers") List<Trigger> triggers,
    @JsonProperty("pDUSessionChargingInformation") JsonNode pduSessionChargingInformation) {

  /** Whether the consumer says this is a retransmission of an earlier request. */
  @JsonIgnore
  public boolean isRetransmission() {
    return Boolean.TRUE.equals(retransmissionIndicator);
  }

  /** The rating groups of the request, an empty list when it names none. */
  @JsonIgnore
  public List<MultipleUnitUsage> unitUsages() {
    return multipleUnitUsage == null ? List.of() : multipleUnitUsage;
  }
}
