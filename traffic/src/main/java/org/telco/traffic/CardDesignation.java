package org.telco.traffic;

import java.util.Objects;
import java.util.Set;
import org.telco.subscriber.PlanId;
import org.telco.subscriber.Subscriber;

/**
 * Who is a <b>designated user</b> of a traffic card (指定用户): such a user gets the card's data as
 * general data, anyone else gets it with the card's directed information (its apps only). The
 * operator chooses the rule: the purchaser, a listed user class (here: subscribers of the listed
 * plans), or both.
 *
 * @param purchaser whether the card's purchaser is designated
 * @param plans the plans whose subscribers are designated
 */
public record CardDesignation(boolean purchaser, Set<PlanId> plans) {
  /** The default rule: the purchaser only. */
  public static final CardDesignation PURCHASER = new CardDesignation(true, Set.of());

  /** Freezes the plans. */
  public CardDesignation {
    plans = Set.copyOf(plans);
  }

  /** Whether {@code user} binding {@code card} is designated. */
  public boolean designates(TrafficCard card, Subscriber user) {
    Objects.requireNonNull(card, "card");
    return purchaser && card.purchaser().equals(user.msisdn()) || plans.contains(user.planId());
  }
}
