package org.telco.sms;

/** Where a message stands in the centre; the last two are final. */
public enum MessageState {
  /** Stored, not routed yet. */
  ACCEPTED,
  /** Routed to another operator's centre, which has not confirmed it yet. */
  AWAITING_PEER,
  /**
   * Routed to a short code of an ESME, which has not been handed it yet (not bound as receiver).
   */
  AWAITING_RECEIVER,
  /** In the handset's inbox, answered by a service, or handed to the receiving ESME. */
  DELIVERED,
  /** No route: an unknown number or short code, or a number no longer in service. */
  UNDELIVERABLE;

  /** Whether nothing more happens to the message. */
  public boolean isFinal() {
    return this == DELIVERED || this == UNDELIVERABLE;
  }
}
