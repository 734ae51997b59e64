package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A condition that makes the consumer report (TS 32.291 Trigger): armed by the CHF in a response,
 * or named by the consumer as the reason of a report. {@code triggerCategory} is mandatory.
 *
 * @param triggerType what happened, such as QUOTA_THRESHOLD
 * @param triggerCategory report at once or with the next report
 * @param timeLimit seconds (DurationSec)
 * @param volumeLimit bytes (Uint32)
 * @param volumeLimit64 bytes (Uint64)
 * @param eventLimit events (Uint32)
 * @param maxNumberOfccc changes of charging conditions (Uint32)
 * @param tariffTimeChange RFC 3339 date-time
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Trigger(
    TriggerType triggerType,
    TriggerCategory triggerCategory,
    Long timeLimit,
    Long volumeLimit,
    Long volumeLimit64,
    Long eventLimit,
    Long maxNumberOfccc,
    String tariffTimeChange) {

  /** A trigger of a type and category with no limits. */
  public static Trigger of(TriggerType type, TriggerCategory category) {
    return new Trigger(type, category, null, null, null, null, null, null);
  }
}
