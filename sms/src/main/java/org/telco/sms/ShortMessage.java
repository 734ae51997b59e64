package org.telco.sms;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A message as the centre accepted it. The id is the centre's message id (the one an ESME gets in
 * submit_sm_resp) and the idempotency key everywhere after: accepting, forwarding to a peer and
 * putting into an inbox the same id again changes nothing.
 *
 * @param id 1-64 characters of {@code A-Z a-z 0-9 . _ : -}
 * @param origin who handed it over
 * @param from the source address: digits (a number or short code) or an alphanumeric sender name of
 *     up to 11 characters, as SMPP allows
 * @param to the destination: a MSISDN or a short code, 3-15 digits
 * @param text the message, already decoded from its data coding
 * @param receiptRequested whether the originating ESME asked for a delivery receipt
 * @param acceptedAt when the centre accepted it
 */
public record ShortMessage(
    String id,
    Origin origin,
    String from,
    String to,
    String text,
    boolean receiptRequested,
    Instant acceptedAt) {
  /** Longest text accepted: ten concatenated segments of 160 characters. */
  public static final int TEXT_MAX = 1_600;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
  private static final Pattern NUMERIC_SOURCE = Pattern.compile("[0-9]{3,20}");
  private static final Pattern ALPHANUMERIC_SOURCE =
      Pattern.compile("(?=.*[A-Za-z])[A-Za-z0-9 ._-]{1,11}");
  private static final Pattern DESTINATION = Pattern.compile("[0-9]{3,15}");

  /** Checks every field. */
  public ShortMessage {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(acceptedAt, "acceptedAt");
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalArgumentException("message id must be 1-64 of A-Z a-z 0-9 . _ : -: " + id);
    }
    if (!isSource(from)) {
      throw new IllegalArgumentException("source must be 3-20 digits or 1-11 letters: " + from);
    }
    if (!isDestination(to)) {
      throw new IllegalArgumentException("destination must be 3-15 digits: " + to);
    }
    if (text.length() > TEXT_MAX) {
      throw new IllegalArgumentException("text is longer than " + TEXT_MAX + " characters");
    }
  }

  /** Whether {@code address} may be a message's source. */
  public static boolean isSource(String address) {
    return address != null
        && (NUMERIC_SOURCE.matcher(address).matches()
            || ALPHANUMERIC_SOURCE.matcher(address).matches());
  }

  /** Whether {@code address} may be a message's destination. */
  public static boolean isDestination(String address) {
    return address != null && DESTINATION.matcher(address).matches();
  }
}
