package org.telco.device;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a binding token, in lower-case hex: what the operator keeps of the token, and what
 * it looks a binding up by.
 *
 * @param hex 64 lower-case hex digits
 */
public record TokenHash(String hex) {
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

  /** Rejects anything but 64 lower-case hex digits. */
  public TokenHash {
    Objects.requireNonNull(hex, "hex");
    if (!HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
    }
  }
}
