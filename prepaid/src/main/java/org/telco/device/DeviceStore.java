package org.telco.device;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.telco.subscriber.Msisdn;

/**
 * Where devices, their bindings, their purchases and the BIND attempts are kept (port). {@link
 * InMemoryDeviceStore} is the reference implementation; a durable one must pass the same contract
 * suite. The store, not its caller, keeps one ACTIVE binding per device, records a purchase id once
 * and keeps a device within its monthly cap: those are the races that matter.
 */
public interface DeviceStore {
  /** What {@link #register} did. */
  enum Registration {
    /** Stored. */
    REGISTERED,
    /** A device with this id exists; the first one stays. */
    ID_TAKEN
  }

  /** What {@link #bind} did. */
  enum BindResult {
    /** Stored: the device is bound. */
    BOUND,
    /** No device has the binding's device id. */
    DEVICE_UNKNOWN,
    /** The device has an ACTIVE binding already (perhaps one stored a moment ago by a rival). */
    DEVICE_ALREADY_BOUND,
    /** A binding with this id or token hash exists: a retry, or (for the hash) a bug. */
    BINDING_TAKEN
  }

  /** What {@link #record} did. */
  enum Recording {
    /** Stored: charge it. */
    RECORDED,
    /**
     * The device recorded this id for the same request before ({@link Purchase#sameRequestAs}): a
     * retry. Nothing is stored; its {@link #charge} tells how the first one ended.
     */
    REPLAYED,
    /** The device recorded this id with other fields: refuse, charge nothing. */
    CONFLICT,
    /** New, but it would take the device past its cap for the month: nothing stored. */
    OVER_CAP
  }

  /** Stores a new device, unless its id is taken. The device must not be bound. */
  Registration register(Device device);

  /** The device with this id, its {@link Device#bindingId()} that of its ACTIVE binding. */
  Optional<Device> device(DeviceId id);

  /**
   * The bindings {@code payer} pays for, active and ended, newest first; at most {@code limit}. The
   * console shows them on the payer's page.
   */
  List<Binding> bindingsPaidBy(Msisdn payer, int limit);

  /** The binding with this id, active or not. */
  Optional<Binding> binding(String id);

  /** The binding whose token has this hash, active or not. */
  Optional<Binding> bindingByToken(TokenHash hash);

  /** The device's ACTIVE binding, if any. */
  Optional<Binding> activeBinding(DeviceId id);

  /**
   * Stores a new ACTIVE binding, atomically refusing it when its device already has one: of two
   * BINDs racing for one device, exactly one is stored.
   *
   * @throws IllegalArgumentException when {@code binding} is not active
   */
  BindResult bind(Binding binding);

  /**
   * Replaces a stored binding by its unbound successor, only if the stored one is still {@code
   * before} (compare-and-set): of an SMS and an API call racing to unbind, one applies.
   *
   * @return whether it was replaced
   */
  boolean unbind(Binding before, Binding after);

  /**
   * Replaces a stored active binding by the same binding with a new token ({@link
   * Binding#withToken}), only if the stored one is still {@code before} (compare-and-set): of two
   * re-issues, or a re-issue and an unbind, racing, one applies. The old token finds nothing then.
   *
   * @return whether it was replaced
   * @throws IllegalArgumentException when {@code after} is not {@code before} with another token
   */
  boolean reissue(Binding before, Binding after);

  /**
   * Stores a purchase as {@link PurchaseCharge#PENDING}, once per device and id, and only within
   * {@code cap}: what the device spent in the purchase's month ({@link SpendCap#monthOf}), declined
   * purchases not counted, plus this purchase must not exceed it. A device's purchases are recorded
   * one at a time, so purchases racing on one device can never together pass the cap, although
   * {@link PurchaseRules} let each of them through. A retry of a recorded purchase is REPLAYED even
   * if the cap has filled up since.
   */
  Recording record(Purchase purchase, SpendCap cap);

  /** The device's purchase with this id. */
  Optional<Purchase> purchase(DeviceId deviceId, String id);

  /**
   * Settles a PENDING purchase as {@code outcome}, CHARGED or DECLINED, once: a purchase already
   * settled keeps its outcome.
   *
   * @return whether it was PENDING and is now {@code outcome}
   * @throws IllegalArgumentException when {@code outcome} is PENDING
   */
  boolean settle(DeviceId deviceId, String id, PurchaseCharge outcome);

  /** How the charge of the device's purchase with this id stands. */
  Optional<PurchaseCharge> charge(DeviceId deviceId, String id);

  /**
   * What the device spent on purchases at or after {@code from} and before {@code until}: the
   * pending and charged ones, not the declined.
   */
  long spentFen(DeviceId deviceId, Instant from, Instant until);

  /** Keeps a BIND attempt, whatever came of it. */
  void recordAttempt(BindAttempt attempt);

  /** How many BIND attempts {@code phone} made at or after {@code since}. */
  int attemptsSince(Msisdn phone, Instant since);
}
