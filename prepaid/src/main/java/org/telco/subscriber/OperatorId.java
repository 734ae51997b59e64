package org.telco.subscriber;

import java.util.Objects;

/**
 * Names an operator node, such as {@code alpha}. It appears in URLs, configuration keys and account
 * names, so it is kept to lower-case letters, digits and hyphens.
 *
 * @param value 1-32 characters of a-z, 0-9 and {@code -}, starting with a letter
 */
public record OperatorId(String value) implements Comparable<OperatorId> {
  /** Rejects ids of the wrong shape. */
  public OperatorId {
    Objects.requireNonNull(value, "value");
    if (!wellShaped(value)) {
      throw new IllegalArgumentException(
          "operator id must be 1-32 characters of a-z 0-9 -, starting with a letter: " + value);
    }
  }

  /**
   * Whether {@code value} is 1-32 characters of a-z, 0-9 and {@code -} starting with a letter. A
   * loop, not a regular expression: every subscriber read builds one.
   */
  private static boolean wellShaped(String value) {
    if (value.isEmpty() || value.length() > 32) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean allowed =
          i == 0
              ? c >= 'a' && c <= 'z'
              : (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
      if (!allowed) {
        return false;
      }
    }
    return true;
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
