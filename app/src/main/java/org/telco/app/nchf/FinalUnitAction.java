package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * What the consumer does when the final granted units are used up (TS 32.291 FinalUnitAction).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record FinalUnitAction(@JsonValue String value) {
  public static final FinalUnitAction TERMINATE = new FinalUnitAction("TERMINATE");
  public static final FinalUnitAction REDIRECT = new FinalUnitAction("REDIRECT");
  public static final FinalUnitAction RESTRICT_ACCESS = new FinalUnitAction("RESTRICT_ACCESS");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public FinalUnitAction {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
