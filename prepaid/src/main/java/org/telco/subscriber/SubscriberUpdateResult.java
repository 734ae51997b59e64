package org.telco.subscriber;

import java.util.Objects;

/** The outcome of one {@link SubscriberUpdate}. */
public sealed interface SubscriberUpdateResult {
  /**
   * Written.
   *
   * @param subscriber as stored now, at its new version
   */
  record Updated(Subscriber subscriber) implements SubscriberUpdateResult {
    /** Requires the subscriber. */
    public Updated {
      Objects.requireNonNull(subscriber, "subscriber");
    }
  }

  /**
   * Not written: someone stored another change since the copy was read. Read again and retry.
   *
   * @param msisdn the subscriber's number
   * @param storedVersion the version stored now
   */
  record Stale(Msisdn msisdn, long storedVersion) implements SubscriberUpdateResult {
    /** Requires the number. */
    public Stale {
      Objects.requireNonNull(msisdn, "msisdn");
    }
  }

  /**
   * Not written: no subscriber has this number.
   *
   * @param msisdn the number
   */
  record NotFound(Msisdn msisdn) implements SubscriberUpdateResult {
    /** Requires the number. */
    public NotFound {
      Objects.requireNonNull(msisdn, "msisdn");
    }
  }
}
