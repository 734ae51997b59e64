package org.telco.traffic;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where traffic purchases and the history of their steps are kept (port). {@link
 * InMemoryPurchaseStore} is the reference implementation. Every step is a compare-and-set on the
 * stored step, so a purchase that times out while its last step runs ends one way only.
 */
public interface PurchaseStore {
  /** What {@link #open} did. */
  enum Opening {
    /** Stored at PRE_AUTHENTICATED. */
    OPENED,
    /** The id was stored for the same buyer and product: a retry; nothing changed. */
    REPLAYED,
    /** The id was stored for another buyer or product: refuse. */
    CONFLICT
  }

  /**
   * One recorded step.
   *
   * @param step the step reached
   * @param at when
   * @param detail {@code card <number>} for the step that created a card, the void reason's {@link
   *     VoidReason#code} for VOIDED, else empty
   */
  record StepRecord(PurchaseStep step, Instant at, String detail) {}

  /**
   * Stores a purchase that passed pre-authentication, and records that step at its creation time.
   *
   * @throws IllegalArgumentException when the purchase is not at PRE_AUTHENTICATED
   */
  Opening open(TrafficPurchase purchase);

  /** The purchase with this id. */
  Optional<TrafficPurchase> find(PurchaseId id);

  /**
   * Moves the purchase from {@code from} to {@code from.next()} at {@code at}, recording the step,
   * if it is still at {@code from}.
   *
   * @param cardId the card created, for the step to AUTHENTICATION_CONFIRMED of a card; else null
   * @return whether it moved
   */
  boolean advance(PurchaseId id, PurchaseStep from, Instant at, CardId cardId);

  /**
   * Voids the purchase for {@code reason} at {@code at}, recording the step, if it is still at
   * {@code from}.
   *
   * @return whether it was voided
   */
  boolean voidAt(PurchaseId id, PurchaseStep from, VoidReason reason, Instant at);

  /** Its recorded steps, oldest first. */
  List<StepRecord> steps(PurchaseId id);

  /** Unfinished purchases whose timeout is not after {@code now}, oldest first, at most limit. */
  List<TrafficPurchase> abandoned(Instant now, int limit);
}
