package org.telco.sms;

import java.util.Objects;

/**
 * Something the centre owes a bound ESME over deliver_sm: a message to one of its short codes, or a
 * delivery receipt for one it submitted.
 *
 * @param record the message as it stands
 * @param kind which of the two
 */
public record EsmeDelivery(MessageRecord record, Kind kind) {
  /** Requires both. */
  public EsmeDelivery {
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(kind, "kind");
  }

  /** What is delivered. */
  public enum Kind {
    /** A message sent to the ESME's short code. */
    MOBILE_ORIGINATED,
    /** The final state of a message the ESME submitted. */
    RECEIPT
  }
}
