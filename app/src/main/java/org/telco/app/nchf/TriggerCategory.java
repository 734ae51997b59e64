package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Whether a trigger reports at once or with the next report (TS 32.291 TriggerCategory).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record TriggerCategory(@JsonValue String value) {
  public static final TriggerCategory IMMEDIATE_REPORT = new TriggerCategory("IMMEDIATE_REPORT");
  public static final TriggerCategory DEFERRED_REPORT = new TriggerCategory("DEFERRED_REPORT");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public TriggerCategory {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
