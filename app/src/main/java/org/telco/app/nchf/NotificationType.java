package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Why the CHF notifies the consumer (TS 32.291 NotificationType): ask it to re-authorize quota, or
 * abort charging.
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record NotificationType(@JsonValue String value) {
  public static final NotificationType REAUTHORIZATION = new NotificationType("REAUTHORIZATION");
  public static final NotificationType ABORT_CHARGING = new NotificationType("ABORT_CHARGING");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public NotificationType {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
