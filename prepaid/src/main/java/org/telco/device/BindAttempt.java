package org.telco.device;

import java.time.Instant;
import java.util.Objects;
import org.telco.subscriber.Msisdn;

/**
 * One {@code BIND} a phone sent, and what came of it: the store counts a phone's recent attempts
 * for the rate limit, and the record shows who tried which device.
 *
 * @param phone the phone that sent it
 * @param deviceId the device it named
 * @param smsId the SMS platform's id of the message
 * @param at when it was received
 * @param outcome what came of it
 * @param refusal why it was refused; null unless {@code outcome} is REFUSED
 */
public record BindAttempt(
    Msisdn phone,
    DeviceId deviceId,
    String smsId,
    Instant at,
    Outcome outcome,
    BindingRefusal refusal) {
  /** What came of an attempt. */
  public enum Outcome {
    /** A new binding. */
    BOUND,
    /** The device was already bound to this phone; nothing changed. */
    ALREADY_BOUND,
    /** Refused, for {@link BindAttempt#refusal()}. */
    REFUSED
  }

  /** Requires every field, and a refusal exactly when refused. */
  public BindAttempt {
    Objects.requireNonNull(phone, "phone");
    Objects.requireNonNull(deviceId, "deviceId");
    Objects.requireNonNull(smsId, "smsId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(outcome, "outcome");
    if ((refusal != null) != (outcome == Outcome.REFUSED)) {
      throw new IllegalArgumentException("a refusal is given exactly when refused: " + outcome);
    }
  }
}
