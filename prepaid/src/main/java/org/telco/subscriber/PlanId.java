package org.telco.subscriber;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a plan within its operator's catalogue, such as {@code basic-18}. Clients send it when
 * subscribing, so it is short and URL-safe.
 *
 * @param value 1-32 characters of a-z, 0-9 and {@code -}, starting with a letter or digit
 */
public record PlanId(String value) implements Comparable<PlanId> {
  private static final Pattern SHAPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  /** Rejects ids of the wrong shape. */
  public PlanId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("plan id must be 1-32 characters of a-z 0-9 -: " + value);
    }
  }

  @Override
  public int compareTo(PlanId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
