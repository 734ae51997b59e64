package org.telco.subscriber;

import java.util.Objects;

/**
 * A prepaid plan: what a subscriber pays at the start of every billing cycle and what that buys.
 * Data beyond the included allowance is charged from the money balance at the pay-as-you-go price.
 *
 * @param id the plan's id within its catalogue
 * @param name a display name
 * @param monthlyFeeFen charged at each cycle start; 0 for a plan without a fee
 * @param includedDataBytes data included in each cycle
 * @param payAsYouGoFenPerMegabyte price of each started megabyte (10^6 bytes) beyond the allowance
 */
public record Plan(
    PlanId id,
    String name,
    long monthlyFeeFen,
    long includedDataBytes,
    long payAsYouGoFenPerMegabyte) {
  /** Checks the fields: a name, and no negative amount. */
  public Plan {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    if (name.isBlank()) {
      throw new IllegalArgumentException("plan name must not be blank");
    }
    if (monthlyFeeFen < 0) {
      throw new IllegalArgumentException("monthlyFeeFen must not be negative: " + monthlyFeeFen);
    }
    if (includedDataBytes < 0) {
      throw new IllegalArgumentException(
          "includedDataBytes must not be negative: " + includedDataBytes);
    }
    if (payAsYouGoFenPerMegabyte < 0) {
      throw new IllegalArgumentException(
          "payAsYouGoFenPerMegabyte must not be negative: " + payAsYouGoFenPerMegabyte);
    }
  }
}
