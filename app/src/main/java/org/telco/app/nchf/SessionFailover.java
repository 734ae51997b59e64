package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * Whether the consumer may fail over to another CHF for this session (TS 32.291 SessionFailover).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record SessionFailover(@JsonValue String value) {
  public static final SessionFailover FAILOVER_NOT_SUPPORTED =
      new SessionFailover("FAILOVER_NOT_SUPPORTED");
  public static final SessionFailover FAILOVER_SUPPORTED =
      new SessionFailover("FAILOVER_SUPPORTED");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public SessionFailover {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
