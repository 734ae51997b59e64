package org.telco.subscriber;

import java.util.Objects;
import java.util.Optional;

/**
 * The International Mobile Subscriber Identity of a SIM (3GPP TS 23.003): mobile country code,
 * mobile network code and the subscriber's number within that network, such as {@code
 * 460001234567890}. In 5G it is the SUPI {@code imsi-<digits>} that an SMF names the subscriber by;
 * the phone number (GPSI) is optional there, so the charging function must know which number a SIM
 * belongs to.
 *
 * @param digits 5 to 15 decimal digits, the length the SUPI's schema allows
 */
public record Imsi(String digits) {
  /** Fewest digits accepted. */
  public static final int LENGTH_MIN = 5;

  /** Most digits accepted. */
  public static final int LENGTH_MAX = 15;

  /** The prefix of an IMSI-based SUPI. */
  public static final String SUPI_PREFIX = "imsi-";

  /** Rejects anything but 5 to 15 digits. */
  public Imsi {
    Objects.requireNonNull(digits, "digits");
    if (!isWellFormed(digits)) {
      throw new IllegalArgumentException(
          "imsi must be " + LENGTH_MIN + "-" + LENGTH_MAX + " digits: " + digits);
    }
  }

  /** Whether {@code text} would make a valid IMSI. */
  public static boolean isWellFormed(String text) {
    if (text.length() < LENGTH_MIN || text.length() > LENGTH_MAX) {
      return false;
    }
    return Digits.only(text);
  }

  /** The IMSI a SUPI {@code imsi-<digits>} names, if it is one. */
  public static Optional<Imsi> fromSupi(String supi) {
    if (supi == null || !supi.startsWith(SUPI_PREFIX)) {
      return Optional.empty();
    }
    String digits = supi.substring(SUPI_PREFIX.length());
    return isWellFormed(digits) ? Optional.of(new Imsi(digits)) : Optional.empty();
  }

  @Override
  public String toString() {
    return digits;
  }
}
