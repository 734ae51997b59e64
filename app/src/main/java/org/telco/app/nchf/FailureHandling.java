package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * What the consumer does when the CHF cannot be reached (TS 32.291 FailureHandling).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record FailureHandling(@JsonValue String value) {
  public static final FailureHandling TERMINATE = new FailureHandling("TERMINATE");
  public static final FailureHandling CONTINUE = new FailureHandling("CONTINUE");
  public static final FailureHandling RETRY_AND_TERMINATE =
      new FailureHandling("RETRY_AND_TERMINATE");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public FailureHandling {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
