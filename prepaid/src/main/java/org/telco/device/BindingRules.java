package org.telco.device;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.telco.subscriber.Msisdn;
import org.telco.subscriber.Subscriber;

/**
 * The OSS's checks on a {@code BIND} or {@code UNBIND} SMS. The caller reads the facts (the
 * sender's subscription, the device, its active binding, the sender's recent attempts) and acts on
 * the verdict; the rules change nothing.
 *
 * <p>A BIND is judged in this order, the first failing check giving the reason: the sender is a
 * subscriber; its line is open ({@link org.telco.subscriber.SubscriberState#isOpen()}: active or on
 * emergency credit); it sent fewer than {@code attemptsMax} BINDs within the last {@link #WINDOW};
 * the device exists; it is not bound to another number. The rate limit comes before the device
 * checks, so a phone cannot learn which device ids exist by trying them faster than the limit. A
 * device already bound to the sender is {@link BindVerdict.AlreadyBound}, a success: the owner
 * retried.
 *
 * <p>An UNBIND is judged by the device existing, being bound, and being bound to the sender; the
 * sender's line state does not matter, since ending a charge must never need money.
 *
 * @param attemptsMax most BIND attempts a phone may make within {@link #WINDOW}, every outcome
 *     counted (the refused ones included, so a phone that keeps trying stays limited)
 */
public record BindingRules(int attemptsMax) {
  /** The rate limit's window. */
  public static final Duration WINDOW = Duration.ofHours(1);

  /** Requires a positive limit. */
  public BindingRules {
    if (attemptsMax < 1) {
      throw new IllegalArgumentException("at least one attempt per hour: " + attemptsMax);
    }
  }

  /** What to do with a BIND. */
  public sealed interface BindVerdict {
    /** Activate a new binding. */
    record Bind() implements BindVerdict {}

    /** The device is already bound to the sender: nothing to do but confirm. */
    record AlreadyBound(Binding binding) implements BindVerdict {}

    /** Change nothing; reply with {@code reason.reply()}. */
    record Refused(BindingRefusal reason) implements BindVerdict {}
  }

  /** What to do with an UNBIND. */
  public sealed interface UnbindVerdict {
    /** End {@code binding}. */
    record Unbind(Binding binding) implements UnbindVerdict {}

    /** Change nothing; reply with {@code reason.reply()}. */
    record Refused(BindingRefusal reason) implements UnbindVerdict {}
  }

  /** Where the rate limit starts counting for a BIND received at {@code now}. */
  public static Instant windowStart(Instant now) {
    return now.minus(WINDOW);
  }

  /**
   * Judges a BIND.
   *
   * @param sender the sender's subscription; empty when the number is not a subscriber
   * @param device the device named; empty when unknown
   * @param active the device's ACTIVE binding, if any
   * @param recentAttempts the sender's BIND attempts since {@link #windowStart}, this one excluded
   */
  public BindVerdict bind(
      Optional<Subscriber> sender,
      Optional<Device> device,
      Optional<Binding> active,
      int recentAttempts) {
    if (sender.isEmpty()) {
      return new BindVerdict.Refused(BindingRefusal.PAYER_NOT_SUBSCRIBER);
    }
    if (!sender.get().state().isOpen()) {
      return new BindVerdict.Refused(BindingRefusal.PAYER_NOT_IN_SERVICE);
    }
    if (recentAttempts >= attemptsMax) {
      return new BindVerdict.Refused(BindingRefusal.RATE_LIMITED);
    }
    if (device.isEmpty()) {
      return new BindVerdict.Refused(BindingRefusal.DEVICE_UNKNOWN);
    }
    if (active.isPresent()) {
      requireOf(device.get().id(), active.get());
      return active.get().payer().equals(sender.get().msisdn())
          ? new BindVerdict.AlreadyBound(active.get())
          : new BindVerdict.Refused(BindingRefusal.BOUND_TO_ANOTHER_NUMBER);
    }
    return new BindVerdict.Bind();
  }

  /**
   * Judges an UNBIND from {@code sender}.
   *
   * @param device the device named; empty when unknown
   * @param active the device's ACTIVE binding, if any
   */
  public UnbindVerdict unbind(Msisdn sender, Optional<Device> device, Optional<Binding> active) {
    if (device.isEmpty()) {
      return new UnbindVerdict.Refused(BindingRefusal.DEVICE_UNKNOWN);
    }
    if (active.isEmpty()) {
      return new UnbindVerdict.Refused(BindingRefusal.NOT_BOUND);
    }
    requireOf(device.get().id(), active.get());
    if (!active.get().payer().equals(sender)) {
      return new UnbindVerdict.Refused(BindingRefusal.NOT_THE_PAYER);
    }
    return new UnbindVerdict.Unbind(active.get());
  }

  /** A binding of another device, or an ended one, passed as the active one is a caller's bug. */
  private static void requireOf(DeviceId deviceId, Binding active) {
    Objects.requireNonNull(active);
    if (!active.deviceId().equals(deviceId) || !active.isActive()) {
      throw new IllegalArgumentException(active.id() + " is not the active binding of " + deviceId);
    }
  }
}
