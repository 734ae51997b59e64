package org.telco.messaging;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import org.telco.network.MsisdnDigits;

/**
 * A short message to a subscriber's handset, such as a payment receipt or a low-balance warning.
 * The id is the idempotency key: sending or delivering the same id twice shows one message.
 *
 * @param id unique id of the message, such as {@code receipt:pay-42}
 * @param from the sender: a short code such as {@code 10086}, a MSISDN, or the name an SMPP
 *     application sends under (up to 11 letters and digits, such as {@code BANK})
 * @param to the recipient's MSISDN
 * @param text what the handset shows; may be long, splitting is the SMS centre's business
 * @param at when it was sent
 */
public record SmsMessage(String id, String from, String to, String text, Instant at) {
  private static final Pattern SENDER =
      Pattern.compile("[0-9]{3,20}|(?=.*[A-Za-z])[A-Za-z0-9 ._-]{1,11}");

  /** Requires every field, a non-blank id, a well-formed sender and a MSISDN recipient. */
  public SmsMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
    if (id.isBlank()) {
      throw new IllegalArgumentException("SMS id must not be blank");
    }
    if (!SENDER.matcher(from).matches()) {
      throw new IllegalArgumentException(
          "SMS sender must be 3-20 digits or a name of 1-11 letters: " + from);
    }
    MsisdnDigits.require(to, "to");
  }
}
