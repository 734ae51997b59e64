package org.telco.payment;

import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * Who pays: often someone other than the subscriber (a family member, the address-book agent of
 * flow F2, a company). Either a phone number or a free-text id the payment channel knows the payer
 * by; kept for the audit and handed to the payment provider.
 *
 * @param id 1-64 characters, not blank, no control characters
 */
public record Payer(String id) {
  /** Longest id accepted. */
  public static final int LENGTH_MAX = 64;

  /** Checks the id. */
  public Payer {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > LENGTH_MAX) {
      throw new IllegalArgumentException("payer must have 1-" + LENGTH_MAX + " characters");
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new IllegalArgumentException("payer must not contain control characters");
      }
    }
  }

  /** The payer's number, when the id is one. */
  public Optional<Msisdn> msisdn() {
    return Msisdn.isWellFormed(id) ? Optional.of(new Msisdn(id)) : Optional.empty();
  }

  @Override
  public String toString() {
    return id;
  }
}
