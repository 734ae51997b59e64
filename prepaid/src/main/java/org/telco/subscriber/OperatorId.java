package org.telco.subscriber;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names an operator node, such as {@code alpha}. It appears in URLs, configuration keys and account
 * names, so it is kept to lower-case letters, digits and hyphens.
 *
 * @param value 1-32 characters of a-z, 0-9 and {@code -}, starting with a letter
 */
public record OperatorId(String value) implements Comparable<OperatorId> {
  private static final Pattern SHAPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  /** Rejects ids of the wrong shape. */
  public OperatorId {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "operator id must be 1-32 characters of a-z 0-9 -, starting with a letter: " + value);
    }
  }

  @Override
  public int compareTo(OperatorId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
