package org.telco.subscriber;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The plans one operator sells. Plan ids are unique within the catalogue. The number-services flow
 * F2 sorts an operator's monthly fees ascending and tries them one by one, so {@link
 * #monthlyFeesAscendingFen()} is part of what the catalogue answers.
 *
 * @param operatorId the operator selling these plans
 * @param plans the plans, in display order
 */
public record PlanCatalog(OperatorId operatorId, List<Plan> plans) {
  private static final long GIGABYTE = 1_000_000_000L;

  /** Checks that plan ids are unique. */
  public PlanCatalog {
    Objects.requireNonNull(operatorId, "operatorId");
    plans = List.copyOf(plans);
    if (new HashSet<>(plans.stream().map(Plan::id).toList()).size() != plans.size()) {
      throw new IllegalArgumentException("plan ids must be unique in a catalogue");
    }
  }

  /**
   * Four demo plans for one operator. The fees differ between operators as well as between plans
   * (alpha adds nothing, beta 1 yuan, gamma 2 yuan, any other operator 0-9 yuan taken from its id),
   * so a client that compares price lists across operators can tell them apart.
   */
  public static PlanCatalog demo(OperatorId operatorId) {
    long offsetFen =
        switch (operatorId.value()) {
          case "alpha" -> 0;
          case "beta" -> 100;
          case "gamma" -> 200;
          default -> Math.floorMod(operatorId.value().hashCode(), 10) * 100L;
        };
    return new PlanCatalog(
        operatorId,
        List.of(
            new Plan(new PlanId("basic"), "Basic", 800 + offsetFen, GIGABYTE, 30),
            new Plan(new PlanId("standard"), "Standard", 1_800 + offsetFen, 5 * GIGABYTE, 20),
            new Plan(new PlanId("plus"), "Plus", 3_800 + offsetFen, 20 * GIGABYTE, 10),
            new Plan(new PlanId("unlimited"), "Unlimited", 12_800 + offsetFen, 100 * GIGABYTE, 5)));
  }

  /** The plan with this id. */
  public Optional<Plan> find(PlanId id) {
    return plans.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  /** Every plan's monthly fee, smallest first (duplicates kept). */
  public List<Long> monthlyFeesAscendingFen() {
    return plans.stream().map(Plan::monthlyFeeFen).sorted(Comparator.naturalOrder()).toList();
  }
}
