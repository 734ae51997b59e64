package org.telco.app.nchf;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;

/**
 * How the units of a container were charged (TS 32.291 QuotaManagementIndicator).
 *
 * <p>The specification defines it as "one of these values or any string", so a value this CHF does
 * not know, sent by a newer peer, is kept as received rather than rejected. The constants are the
 * Release 17 values; compare with {@code equals}.
 *
 * @param value the value as it appears on the wire
 */
public record QuotaManagementIndicator(@JsonValue String value) {
  public static final QuotaManagementIndicator ONLINE_CHARGING =
      new QuotaManagementIndicator("ONLINE_CHARGING");
  public static final QuotaManagementIndicator OFFLINE_CHARGING =
      new QuotaManagementIndicator("OFFLINE_CHARGING");
  public static final QuotaManagementIndicator QUOTA_MANAGEMENT_SUSPENDED =
      new QuotaManagementIndicator("QUOTA_MANAGEMENT_SUSPENDED");

  /** Takes any string, known or not. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public QuotaManagementIndicator {
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return value;
  }
}
