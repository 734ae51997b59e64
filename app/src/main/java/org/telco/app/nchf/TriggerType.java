package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * The kind of event that makes the consumer report usage or ask for quota (TS 32.291 TriggerType).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record TriggerType(@JsonValue String value) {
  public static final TriggerType QUOTA_THRESHOLD = new TriggerType("QUOTA_THRESHOLD");
  public static final TriggerType QHT = new TriggerType("QHT");
  public static final TriggerType FINAL = new TriggerType("FINAL");
  public static final TriggerType QUOTA_EXHAUSTED = new TriggerType("QUOTA_EXHAUSTED");
  public static final TriggerType VALIDITY_TIME = new TriggerType("VALIDITY_TIME");
  public static final TriggerType OTHER_QUOTA_TYPE = new TriggerType("OTHER_QUOTA_TYPE");
  public static final TriggerType FORCED_REAUTHORISATION =
      new TriggerType("FORCED_REAUTHORISATION");
  public static final TriggerType UNUSED_QUOTA_TIMER = new TriggerType("UNUSED_QUOTA_TIMER");
  public static final TriggerType UNIT_COUNT_INACTIVITY_TIMER =
      new TriggerType("UNIT_COUNT_INACTIVITY_TIMER");
  public static final TriggerType ABNORMAL_RELEASE = new TriggerType("ABNORMAL_RELEASE");
  public static final TriggerType QOS_CHANGE = new TriggerType("QOS_CHANGE");
  public static final TriggerType VOLUME_LIMIT = new TriggerType("VOLUME_LIMIT");
  public static final TriggerType TIME_LIMIT = new TriggerType("TIME_LIMIT");
  public static final TriggerType EVENT_LIMIT = new TriggerType("EVENT_LIMIT");
  public static final TriggerType PLMN_CHANGE = new TriggerType("PLMN_CHANGE");
  public static final TriggerType USER_LOCATION_CHANGE = new TriggerType("USER_LOCATION_CHANGE");
  public static final TriggerType RAT_CHANGE = new TriggerType("RAT_CHANGE");
  public static final TriggerType SESSION_AMBR_CHANGE = new TriggerType("SESSION_AMBR_CHANGE");
  public static final TriggerType UE_TIMEZONE_CHANGE = new TriggerType("UE_TIMEZONE_CHANGE");
  public static final TriggerType TARIFF_TIME_CHANGE = new TriggerType("TARIFF_TIME_CHANGE");
  public static final TriggerType MAX_NUMBER_OF_CHANGES_IN_CHARGING_CONDITIONS =
      new TriggerType("MAX_NUMBER_OF_CHANGES_IN_CHARGING_CONDITIONS");
  public static final TriggerType MANAGEMENT_INTERVENTION =
      new TriggerType("MANAGEMENT_INTERVENTION");
  public static final TriggerType CHANGE_OF_UE_PRESENCE_IN_PRESENCE_REPORTING_AREA =
      new TriggerType("CHANGE_OF_UE_PRESENCE_IN_PRESENCE_REPORTING_AREA");
  public static final TriggerType CHANGE_OF_3GPP_PS_DATA_OFF_STATUS =
      new TriggerType("CHANGE_OF_3GPP_PS_DATA_OFF_STATUS");
  public static final TriggerType SERVING_NODE_CHANGE = new TriggerType("SERVING_NODE_CHANGE");
  public static final TriggerType REMOVAL_OF_UPF = new TriggerType("REMOVAL_OF_UPF");
  public static final TriggerType ADDITION_OF_UPF = new TriggerType("ADDITION_OF_UPF");
  public static final TriggerType INSERTION_OF_ISMF = new TriggerType("INSERTION_OF_ISMF");
  public static final TriggerType REMOVAL_OF_ISMF = new TriggerType("REMOVAL_OF_ISMF");
  public static final TriggerType CHANGE_OF_ISMF = new TriggerType("CHANGE_OF_ISMF");
  public static final TriggerType START_OF_SERVICE_DATA_FLOW =
      new TriggerType("START_OF_SERVICE_DATA_FLOW");
  public static final TriggerType ECGI_CHANGE = new TriggerType("ECGI_CHANGE");
  public static final TriggerType TAI_CHANGE = new TriggerType("TAI_CHANGE");
  public static final TriggerType HANDOVER_CANCEL = new TriggerType("HANDOVER_CANCEL");
  public static final TriggerType HANDOVER_START = new TriggerType("HANDOVER_START");
  public static final TriggerType HANDOVER_COMPLETE = new TriggerType("HANDOVER_COMPLETE");
  public static final TriggerType GFBR_GUARANTEED_STATUS_CHANGE =
      new TriggerType("GFBR_GUARANTEED_STATUS_CHANGE");
  public static final TriggerType ADDITION_OF_ACCESS = new TriggerType("ADDITION_OF_ACCESS");
  public static final TriggerType REMOVAL_OF_ACCESS = new TriggerType("REMOVAL_OF_ACCESS");
  public static final TriggerType START_OF_SDF_ADDITIONAL_ACCESS =
      new TriggerType("START_OF_SDF_ADDITIONAL_ACCESS");
  public static final TriggerType REDUNDANT_TRANSMISSION_CHANGE =
      new TriggerType("REDUNDANT_TRANSMISSION_CHANGE");
  public static final TriggerType CGI_SAI_CHANGE = new TriggerType("CGI_SAI_CHANGE");
  public static final TriggerType RAI_CHANGE = new TriggerType("RAI_CHANGE");
  public static final TriggerType VSMF_CHANGE = new TriggerType("VSMF_CHANGE");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public TriggerType {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
