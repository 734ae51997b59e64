package org.telco.device;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * The evidence that the paying number agreed: the mobile-originated SMS its owner sent to the
 * binding short code, as the SMS platform passed it on. Kept with the binding and referred to by
 * each purchase, so a disputed charge can be traced to the message that allowed it.
 *
 * @param smsId the SMS platform's id of the message
 * @param text what was sent, as sent (up to {@link #TEXT_MAX} characters)
 * @param from the phone that sent it: the payer
 * @param to the short code it was sent to
 * @param receivedAt when the SMS platform accepted it
 */
public record Consent(String smsId, String text, Msisdn from, String to, Instant receivedAt) {
  /** Longest text kept: ten concatenated segments, as the SMS platform accepts. */
  public static final int TEXT_MAX = 1_600;

  /** Requires every field, an id and a short code, and a text of at most {@link #TEXT_MAX}. */
  public Consent {
    Objects.requireNonNull(smsId, "smsId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(receivedAt, "receivedAt");
    if (smsId.isBlank() || to.isBlank()) {
      throw new IllegalArgumentException("an SMS id and a short code are required");
    }
    if (text.length() > TEXT_MAX) {
      throw new IllegalArgumentException("an SMS text has at most " + TEXT_MAX + " characters");
    }
  }
}
